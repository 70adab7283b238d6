/* ems-report-compare.c: the comparison handout of a workshop (PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from an EmsComparison with the page machinery of the assessment
 * report (ems-report-private.h): a cover, the group radar, participants by
 * elements, the statistics of each element, the group's priorities, the
 * changes over time and the method. Every text is taken from the
 * comparison when the report is built, so the report is a snapshot.
 *
 * Anonymised, it names nobody: labels come from ems_comparison_dup_label()
 * ("Participant A"…) and follow-ups from ems_comparison_follow_ups(); no
 * site, assessor, date of assessment, file name, note, evidence or owner is
 * read, and the PDF's title is the generic footer with no author.
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-charts-private.h"
#include "ems-report-private.h"

/* The handout lists this many of each ranking */
#define N_RANKED     3
#define N_MOST_ZERO 10

static const double change_widths[] = { 0.46, 0.13, 0.13, 0.14, 0.14 };

typedef struct
{
  EmsReport     *report;
  EmsComparison *comparison;
  EmsChecklist  *checklist;
  guint          n_participants;
  guint          n_elements;
  gboolean       anonymise;
  const EmsGroupTarget *target;
} Handout;

/* Helpers ------------------------------------------------------------------ */

static const char *
element_title (Handout *h,
               guint    number)
{
  const EmsElement *element = ems_checklist_get_element (h->checklist, number);

  return element != NULL ? element->title : "";
}

/* "1. Environmental Policy", escaped */
static char *
element_cell (Handout *h,
              guint    number)
{
  g_autofree char *label = ems_chart_element_label (number, element_title (h, number));

  return ems_report_escape (label);
}

static char *
bold (const char *text)
{
  return g_markup_printf_escaped ("<b>%s</b>", text);
}

/* A number with one decimal, no unit; "—" for none */
static char *
number_cell (gboolean has_value,
             double   value)
{
  g_autofree char *text = NULL;

  if (!has_value || isnan (value))
    return ems_report_muted ("—");

  text = ems_chart_format_number (value);
  return ems_report_escape (text);
}

static char *
percent_cell (gboolean has_value,
              double   value)
{
  g_autofree char *text = NULL;

  if (!has_value || isnan (value))
    return ems_report_muted ("—");

  text = ems_format_percent (TRUE, value);
  return ems_report_escape (text);
}

static void
add_paragraph (Handout    *h,
               const char *text)
{
  ems_report_add_text (h->report, ems_report_escape (text), 1.0, 0, 6);
}

static void
add_note (Handout    *h,
          const char *text)
{
  ems_report_add_text (h->report, ems_report_muted (text), 0.9, 6, 0);
}

static void
add_header_row (Handout      *h,
                guint         n_cells,
                const double *widths,
                const char  **titles,
                double        scale)
{
  char *cells[EMS_REPORT_MAX_CELLS];
  EmsReportBlock *block;

  g_assert (n_cells <= EMS_REPORT_MAX_CELLS);

  for (guint c = 0; c < n_cells; c++)
    cells[c] = bold (titles[c]);
  block = ems_report_add_row (h->report, n_cells, widths, cells, TRUE);
  block->scale = scale;
}

static void
draw_radar (cairo_t             *cr,
            double               width,
            double               height,
            gconstpointer        data,
            const EmsChartStyle *style)
{
  ems_radar_draw (cr, width, height, data, style);
}

static void
draw_distribution (cairo_t             *cr,
                   double               width,
                   double               height,
                   gconstpointer        data,
                   const EmsChartStyle *style)
{
  ems_distribution_draw (cr, width, height, data, style);
}

/* Cover -------------------------------------------------------------------- */

static void
build_cover (Handout *h)
{
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (h->comparison);
  const EmsElementStats *overall = ems_comparison_get_overall_stats (h->comparison);
  g_autofree char *count = NULL;
  g_autofree char *number = g_strdup_printf ("%u", h->n_participants);
  g_autofree char *generated = g_date_time_format (ems_report_get_when (h->report), "%Y-%m-%d");
  g_autofree char *target = ems_format_percent (h->target->has_target, h->target->mean);
  g_autofree char *target_text = NULL;
  g_autofree char *overall_text = NULL;
  g_autofree char *bands_text = NULL;
  g_autofree char *changes_text = NULL;

  ems_report_add_text (h->report, ems_report_muted (_("Environmental management system self-assessments")),
                       1.2, 40, 6);
  ems_report_add_text (h->report, bold (_("Workshop comparison")), 2.4, 0, 4);
  /* Translators: under the title of the comparison handout */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant", "%u participants",
                                        h->n_participants),
                           h->n_participants);
  ems_report_add_text (h->report, ems_report_escape (count), 1.3, 0, 4);
  ems_report_add_text (h->report, ems_report_muted (_("Against the 10 Elements of Effective Environmental Management Systems of the Commission for Environmental Cooperation (CEC)")),
                       1.0, 8, 26);

  if (h->anonymise)
    {
      g_autofree char *title = bold (_("Anonymised."));
      g_autofree char *text = ems_report_escape (_("Participants are shown as “Participant A”, “Participant B”… Organisation names, sites, assessors, dates of assessment, file names, notes, evidence and action owners are left out of this handout."));

      ems_report_add_text (h->report, g_strdup_printf ("%s %s", title, text), 1.0, 0, 20);
    }

  ems_report_add_heading (h->report, _("This comparison"), 1.3, 0);

  ems_report_add_profile_row (h->report, _("Participants"), number, TRUE);
  ems_report_add_profile_row (h->report, _("Report generated on"), generated, FALSE);

  if (h->target->has_target && !h->target->uniform)
    {
      g_autofree char *low = ems_format_percent (TRUE, h->target->lowest);
      g_autofree char *high = ems_format_percent (TRUE, h->target->highest);

      /* Translators: the group's target on the comparison cover: the mean
       * of the participants' targets, then the lowest and the highest */
      target_text = g_strdup_printf (_("%s (mean of the participants' targets, from %s to %s)"),
                                     target, low, high);
    }
  else
    target_text = g_strdup (target);
  ems_report_add_profile_row (h->report, _("Target"), target_text, FALSE);

  if (overall->has_stats)
    {
      g_autofree char *mean = ems_format_percent (TRUE, overall->mean);

      /* Translators: the mean of the participants' overall scores on the
       * comparison cover: the percentage, then the band word */
      overall_text = g_strdup_printf (_("%s (%s)"), mean, ems_band_to_label (ems_band_from_score (overall->mean)));
    }
  ems_report_add_profile_row (h->report, _("Mean overall score"), overall_text, TRUE);

  /* Translators: participants by the band of their overall score on the
   * comparison cover: numbers of green, amber, red and of no score */
  bands_text = g_strdup_printf (_("%u green · %u amber · %u red · %u no score"),
                                overall->n_bands[EMS_BAND_GREEN], overall->n_bands[EMS_BAND_AMBER],
                                overall->n_bands[EMS_BAND_RED], overall->n_bands[EMS_BAND_NONE]);
  ems_report_add_profile_row (h->report, _("Overall bands"), bands_text, FALSE);

  if (follow_ups->len == 0)
    changes_text = g_strdup (_("None: no organisation is assessed more than once"));
  else
    /* Translators: on the comparison cover: how many organisations the set
     * holds several assessments of */
    changes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u organisation assessed more than once",
                                                 "%u organisations assessed more than once",
                                                 follow_ups->len),
                                    follow_ups->len);
  ems_report_add_profile_row (h->report, _("Changes over time"), changes_text, FALSE);

  ems_report_add_heading (h->report, _("In this handout"), 1.3, 20);
  add_paragraph (h, _("The group radar and the participants in each band; every participant's score for each element; the statistics of each element; where the group disagrees most and is weakest, and the questions most often answered 0; the changes over time of organisations assessed more than once; and how the figures are computed."));

  ems_report_add_break (h->report);
}

/* Group radar -------------------------------------------------------------- */

static void
build_group (Handout *h)
{
  static const double widths[] = { 0.52, 0.12, 0.12, 0.12, 0.12 };
  const char *titles[] = { _("Element"), _("Red"), _("Amber"), _("Green"), _("No score") };
  static const EmsBand bands[] = { EMS_BAND_RED, EMS_BAND_AMBER, EMS_BAND_GREEN, EMS_BAND_NONE };

  ems_report_add_heading (h->report, _("Group results"), 1.7, 0);
  add_paragraph (h, _("The group mean of each element against the target, with the lowest and the highest participant's score. A participant with no score for an element is left out of it."));

  if (h->n_elements >= 3)
    ems_report_add_drawing (h->report, draw_radar, ems_radar_data_new_for_group_range (h->comparison),
                            (GDestroyNotify) ems_radar_data_free, 330);

  ems_report_add_heading (h->report, _("Participants in each band"), 1.25, 8);
  add_header_row (h, G_N_ELEMENTS (titles), widths, titles, 1.0);
  for (guint e = 1; e <= h->n_elements; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (h->comparison, e);
      char *cells[G_N_ELEMENTS (widths)];
      EmsReportBlock *block;

      cells[0] = element_cell (h, e);
      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        cells[b + 1] = g_strdup_printf ("%u", st->n_bands[bands[b]]);
      block = ems_report_add_row (h->report, G_N_ELEMENTS (widths), widths, cells, FALSE);
      for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
        if (bands[b] != EMS_BAND_NONE && st->n_bands[bands[b]] > 0)
          block->tint[b + 1] = bands[b];
    }
  add_note (h, _("Bands: red below 40, amber from 40 to below 70, green from 70. “No score”: no question of the element answered with a level."));

  ems_report_add_break (h->report);
}

/* Participants by elements ------------------------------------------------- */

static char *
score_cell (const EmsElementScore *es)
{
  g_autofree char *number = NULL;

  if (es == NULL || !es->has_score)
    return ems_report_muted ("—");

  number = ems_chart_format_number (es->score);
  return g_markup_printf_escaped ("<b>%s</b>\n<span size=\"smaller\">%s</span>",
                                  number, ems_band_to_label (es->band));
}

/* Elements @first..@last as columns; with the overall score when @overall */
static void
add_matrix (Handout  *h,
            guint     first,
            guint     last,
            gboolean  overall)
{
  double widths[EMS_REPORT_MAX_CELLS];
  const char *titles[EMS_REPORT_MAX_CELLS];
  g_autofree char **numbers = g_new0 (char *, last - first + 2);
  guint n_columns = last - first + 1;
  guint n_cells = 1 + n_columns + (overall ? 1 : 0);
  double label_width = 0.2, overall_width = overall ? 0.1 : 0.0;

  g_assert (n_cells <= EMS_REPORT_MAX_CELLS);

  widths[0] = label_width;
  titles[0] = _("Participant");
  for (guint c = 0; c < n_columns; c++)
    {
      numbers[c] = g_strdup_printf ("%u", first + c);
      widths[1 + c] = (1.0 - label_width - overall_width) / n_columns;
      titles[1 + c] = numbers[c];
    }
  if (overall)
    {
      widths[n_cells - 1] = overall_width;
      titles[n_cells - 1] = _("Overall");
    }
  add_header_row (h, n_cells, widths, titles, 0.9);
  for (guint c = 0; c < n_columns; c++)
    g_free (numbers[c]);

  for (guint i = 0; i < h->n_participants; i++)
    {
      const EmsScores *scores = ems_comparison_get_scores (h->comparison, i);
      g_autofree char *label = ems_comparison_dup_label (h->comparison, i);
      char *cells[EMS_REPORT_MAX_CELLS];
      EmsReportBlock *block;

      cells[0] = ems_report_cell (label);
      for (guint c = 0; c < n_columns; c++)
        {
          guint e = first + c;

          cells[1 + c] = score_cell (e <= scores->n_elements ? &scores->elements[e - 1] : NULL);
        }
      if (overall)
        {
          EmsElementScore total = { 0 };

          total.has_score = scores->has_overall;
          total.score = scores->overall;
          total.band = scores->band;
          cells[n_cells - 1] = score_cell (&total);
        }

      block = ems_report_add_row (h->report, n_cells, widths, cells, FALSE);
      block->scale = 0.85;
      for (guint c = 0; c < n_columns; c++)
        {
          guint e = first + c;

          if (e <= scores->n_elements && scores->elements[e - 1].has_score)
            block->tint[1 + c] = scores->elements[e - 1].band;
        }
      if (overall && scores->has_overall)
        block->tint[n_cells - 1] = scores->band;
    }
}

static void
build_matrix (Handout *h)
{
  /* The participant's label, the elements, the overall score */
  guint per_table = EMS_REPORT_MAX_CELLS - 2;
  g_autoptr(GString) legend = g_string_new (NULL);

  ems_report_add_heading (h->report, _("Participants by element"), 1.7, 0);
  add_paragraph (h, _("Each participant's score for each element, in percent, with its band; “—”: no score, because no question of the element is answered with a level."));

  /* The columns are numbered: their titles first, on the table's first page */
  for (guint e = 1; e <= h->n_elements; e++)
    {
      g_autofree char *label = ems_chart_element_label (e, element_title (h, e));

      if (e > 1)
        g_string_append_c (legend, '\n');
      g_string_append (legend, label);
    }
  ems_report_add_text (h->report, ems_report_muted (legend->str), 0.85, 0, 10);

  for (guint first = 1; first <= h->n_elements; first += per_table)
    {
      guint last = MIN (h->n_elements, first + per_table - 1);

      if (first > 1)
        ems_report_add_text (h->report, g_strdup (""), 1.0, 0, 8);
      add_matrix (h, first, last, last == h->n_elements);
    }

  ems_report_add_break (h->report);
}

/* Statistics ---------------------------------------------------------------- */

static void
build_statistics (Handout *h)
{
  static const double widths[] = { 0.31, 0.11, 0.11, 0.11, 0.11, 0.11, 0.14 };
  const char *titles[] = {
    _("Element"), _("Mean"), _("Median"), _("Minimum"), _("Maximum"),
    /* Translators: a column heading: standard deviation */
    _("Std dev"),
    /* Translators: a column heading: participants with a score / with none */
    _("Scored / no score"),
  };

  ems_report_add_heading (h->report, _("Statistics by element"), 1.7, 0);
  add_paragraph (h, _("Over the participants with a score for the element; those with none are left out and counted."));

  add_header_row (h, G_N_ELEMENTS (titles), widths, titles, 0.95);
  for (guint e = 1; e <= h->n_elements; e++)
    {
      const EmsElementStats *st = ems_comparison_get_element_stats (h->comparison, e);
      char *cells[G_N_ELEMENTS (widths)];
      EmsReportBlock *block;

      cells[0] = element_cell (h, e);
      cells[1] = st->has_stats ? percent_cell (TRUE, st->mean) : ems_report_muted (_("No score"));
      cells[2] = percent_cell (st->has_stats, st->median);
      cells[3] = percent_cell (st->has_stats, st->min);
      cells[4] = percent_cell (st->has_stats, st->max);
      cells[5] = number_cell (st->has_stats, st->stddev);
      /* Translators: participants with a score / with no score for an element */
      cells[6] = g_strdup_printf (_("%u / %u"), st->n_scored, st->n_null);
      block = ems_report_add_row (h->report, G_N_ELEMENTS (widths), widths, cells, FALSE);
      block->scale = 0.95;
      if (st->has_stats)
        block->tint[1] = ems_band_from_score (st->mean);
    }
  add_note (h, _("Mean shaded by its band. Standard deviation in percentage points: how far the participants disagree."));

  if (h->n_participants > 0)
    {
      EmsDistributionData *distribution = ems_distribution_data_new_for_group (h->comparison);

      ems_report_add_heading (h->report, _("Answers by element, all participants"), 1.4, 16);
      ems_report_add_drawing (h->report, draw_distribution, distribution,
                              (GDestroyNotify) ems_distribution_data_free, 290);
    }

  ems_report_add_break (h->report);
}

/* Priorities ---------------------------------------------------------------- */

static void
build_priorities (Handout *h)
{
  static const double spread_widths[] = { 0.07, 0.45, 0.14, 0.2, 0.14 };
  const char *spread_titles[] = {
    /* Translators: a column heading: position in a ranking */
    _("Rank"), _("Element"), _("Std dev"),
    /* Translators: a column heading: lowest and highest score */
    _("Range"), _("Scored"),
  };
  static const double weak_widths[] = { 0.07, 0.45, 0.14, 0.14, 0.2 };
  const char *weak_titles[] = { _("Rank"), _("Element"), _("Mean"), _("Band"), _("Lowest score") };
  static const double zero_widths[] = { 0.12, 0.15, 0.73 };
  const char *zero_titles[] = {
    _("Question"),
    /* Translators: a column heading: how many participants answered 0 */
    _("Answered 0"),
    _("Text"),
  };
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (h->comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (h->comparison);
  g_autoptr(GArray) zero = ems_comparison_most_zero (h->comparison, N_MOST_ZERO);
  guint rank;

  ems_report_add_heading (h->report, _("Priorities for the group"), 1.7, 0);

  ems_report_add_heading (h->report, _("Where the participants disagree most"), 1.25, 4);
  add_paragraph (h, _("The elements with the largest standard deviation: some participants do well where others do not, a good start for sharing experience."));
  add_header_row (h, G_N_ELEMENTS (spread_titles), spread_widths, spread_titles, 1.0);
  rank = 0;
  for (guint i = 0; i < spread->len && rank < N_RANKED; i++)
    {
      guint e = g_array_index (spread, guint, i);
      const EmsElementStats *st = ems_comparison_get_element_stats (h->comparison, e);
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;
      g_autofree char *range = NULL;
      char *cells[G_N_ELEMENTS (spread_widths)];

      if (!st->has_stats)
        continue;
      low = ems_chart_format_number (st->min);
      high = ems_chart_format_number (st->max);
      /* Translators: the lowest and the highest score of an element */
      range = g_strdup_printf (_("%s to %s"), low, high);

      cells[0] = g_strdup_printf ("%u", ++rank);
      cells[1] = element_cell (h, e);
      cells[2] = number_cell (TRUE, st->stddev);
      cells[3] = ems_report_escape (range);
      cells[4] = g_strdup_printf ("%u", st->n_scored);
      ems_report_add_row (h->report, G_N_ELEMENTS (spread_widths), spread_widths, cells, FALSE);
    }
  if (rank == 0)
    add_note (h, _("No element has a score."));

  ems_report_add_heading (h->report, _("Where the group is weakest"), 1.25, 18);
  add_paragraph (h, _("The elements with the lowest group mean: where the group as a whole has most to gain."));
  add_header_row (h, G_N_ELEMENTS (weak_titles), weak_widths, weak_titles, 1.0);
  rank = 0;
  for (guint i = 0; i < weakest->len && rank < N_RANKED; i++)
    {
      guint e = g_array_index (weakest, guint, i);
      const EmsElementStats *st = ems_comparison_get_element_stats (h->comparison, e);
      char *cells[G_N_ELEMENTS (weak_widths)];
      EmsReportBlock *block;
      EmsBand band;

      if (!st->has_stats)
        continue;
      band = ems_band_from_score (st->mean);
      cells[0] = g_strdup_printf ("%u", ++rank);
      cells[1] = element_cell (h, e);
      cells[2] = percent_cell (TRUE, st->mean);
      cells[3] = ems_report_escape (ems_band_to_label (band));
      cells[4] = percent_cell (TRUE, st->min);
      block = ems_report_add_row (h->report, G_N_ELEMENTS (weak_widths), weak_widths, cells, FALSE);
      block->tint[3] = band;
    }
  if (rank == 0)
    add_note (h, _("No element has a score."));

  ems_report_add_heading (h->report, _("Questions most often answered 0"), 1.25, 18);
  if (zero->len == 0)
    add_paragraph (h, _("No participant answered a question with 0."));
  else
    {
      add_paragraph (h, _("How many participants answered the question with 0 (not in place), of those who answered it with a level."));
      add_header_row (h, G_N_ELEMENTS (zero_titles), zero_widths, zero_titles, 1.0);
      for (guint i = 0; i < zero->len; i++)
        {
          const EmsZeroCount *count = &g_array_index (zero, EmsZeroCount, i);
          char *cells[G_N_ELEMENTS (zero_widths)];
          g_autofree char *text = ems_report_cell (count->question->text);

          cells[0] = g_markup_printf_escaped ("<b>%s</b>", count->question->id);
          /* Translators: participants who answered a question 0, of those who answered it */
          cells[1] = g_strdup_printf (_("%u of %u"), count->n_zero, count->n_answered);
          if (count->question->critical)
            {
              g_autofree char *critical = g_markup_printf_escaped (" <i>(%s)</i>", _("critical"));

              cells[2] = g_strconcat (text, critical, NULL);
            }
          else
            cells[2] = g_steal_pointer (&text);
          ems_report_add_row (h->report, G_N_ELEMENTS (zero_widths), zero_widths, cells, FALSE);
        }
    }

  ems_report_add_break (h->report);
}

/* Changes over time --------------------------------------------------------- */

/* "+12.5", "-5.0", "0.0": the sign is the direction as shown */
static char *
delta_cell (const EmsChange *change)
{
  g_autofree char *number = NULL;

  if (!change->has_delta)
    return ems_report_muted ("—");

  number = ems_chart_format_number (fabs (change->delta));
  return g_strdup_printf ("%s%s", change->direction > 0 ? "+" : change->direction < 0 ? "-" : "", number);
}

static const char *
direction (const EmsChange *change)
{
  if (!change->has_delta)
    return "";

  return change->direction > 0 ? "↑" : change->direction < 0 ? "↓" : "=";
}

/* Element @number's change (0: overall); @label is markup, taken */
static void
add_change_row (Handout           *h,
                const EmsFollowUp *follow_up,
                guint              number,
                char              *label,
                gboolean           strong)
{
  char *cells[G_N_ELEMENTS (change_widths)];
  EmsChange change;
  EmsReportBlock *block;

  ems_comparison_get_change (h->comparison, follow_up, number, &change);
  cells[0] = label;
  cells[1] = percent_cell (change.has_first, change.first);
  cells[2] = percent_cell (change.has_last, change.last);
  cells[3] = delta_cell (&change);
  cells[4] = ems_report_escape (direction (&change));
  if (strong)
    for (guint c = 1; c < G_N_ELEMENTS (cells); c++)
      {
        char *tmp = g_strdup_printf ("<b>%s</b>", cells[c]);

        g_free (cells[c]);
        cells[c] = tmp;
      }
  block = ems_report_add_row (h->report, G_N_ELEMENTS (change_widths), change_widths, cells, FALSE);
  if (change.direction != 0)
    block->tint[4] = change.direction > 0 ? EMS_BAND_GREEN : EMS_BAND_RED;
}

static void
build_changes (Handout *h)
{
  const char *titles[] = {
    _("Element"),
    /* Translators: a column heading: the score in the oldest assessment */
    _("First"),
    /* Translators: a column heading: the score in the newest assessment */
    _("Last"),
    /* Translators: a column heading: last minus first, in percentage points */
    _("Change"),
    _("Direction"),
  };
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (h->comparison);

  if (follow_ups->len == 0)
    return;

  ems_report_add_heading (h->report, _("Changes over time"), 1.7, 0);
  add_paragraph (h, _("Organisations assessed more than once in this set: each element's score in the oldest and in the newest assessment, and the change in percentage points (↑ up, ↓ down, = unchanged)."));

  for (guint f = 0; f < follow_ups->len; f++)
    {
      const EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, f);
      guint first_index = follow_up->participants[0];
      guint last_index = follow_up->participants[follow_up->n - 1];
      g_autofree char *from = ems_comparison_dup_label (h->comparison, first_index);
      g_autofree char *to = ems_comparison_dup_label (h->comparison, last_index);
      g_autofree char *name = ems_follow_up_dup_title (follow_up);
      g_autofree char *title = ems_report_clip (name, 200);
      g_autofree char *span = NULL;

      ems_report_add_heading (h->report, title, 1.25, f == 0 ? 4 : 18);
      /* Translators: the oldest and newest assessments of an organisation,
       * then how many the set holds */
      span = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "From %s to %s (%u assessment)",
                                           "From %s to %s (%u assessments)",
                                           follow_up->n),
                              from, to, follow_up->n);
      ems_report_add_text (h->report, ems_report_muted (span), 0.95, 0, 4)->keep_with_next = TRUE;

      add_header_row (h, G_N_ELEMENTS (titles), change_widths, titles, 1.0);
      for (guint e = 1; e <= h->n_elements; e++)
        add_change_row (h, follow_up, e, element_cell (h, e), FALSE);
      add_change_row (h, follow_up, 0, bold (_("Overall")), TRUE);
    }

  ems_report_add_break (h->report);
}

/* Method -------------------------------------------------------------------- */

static void
build_method (Handout *h)
{
  g_autofree char *app = g_strdup_printf ("%s %s", PACKAGE_NAME, PACKAGE_VERSION);
  g_autofree char *generated = g_date_time_format (ems_report_get_when (h->report), "%Y-%m-%d %H:%M");
  g_autofree char *checklist = g_strdup_printf ("%s, %u", ems_checklist_get_id (h->checklist),
                                                ems_checklist_get_version (h->checklist));
  g_autofree char *count = g_strdup_printf ("%u", h->n_participants);

  ems_report_add_heading (h->report, _("Method"), 1.7, 0);

  ems_report_add_heading (h->report, _("The statistics"), 1.25, 4);
  ems_report_add_profile_row (h->report, _("Scores"),
                              _("Each participant's element and overall scores follow the scoring rule of the assessment: 100 × Σ(weight × level) ÷ Σ(4 × weight) over the questions answered with a level; the overall score is the mean of the element scores. Bands: red below 40, amber from 40 to below 70, green from 70."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("No score"),
                              _("An element with no question answered with a level has no score: the tables show “—”, never 0. It is left out of that element's mean, median, minimum, maximum and standard deviation and counted under “no score”."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Mean"),
                              _("The sum of the scores divided by the number of participants with a score."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Median"),
                              _("The middle score once sorted; with an even number of scores, the mean of the two middle ones."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Minimum and maximum"),
                              _("The lowest and the highest score."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Standard deviation"),
                              _("The population standard deviation: the square root of the mean squared difference from the mean, dividing by the number of scores, not one less. It measures how far the participants disagree."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Target"),
                              _("25 × each participant's target level; the group radar shows the mean of the participants' targets."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Priorities"),
                              _("Elements by standard deviation, largest first, and by mean, lowest first (elements with no score last; ties by element number); then the questions answered 0 by the most participants."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Changes"),
                              _("When the set holds two or more assessments of the same organisation and site: each element's score in the oldest and the newest, and the change in percentage points."),
                              FALSE);
  ems_report_add_profile_row (h->report, _("Figures"),
                              _("Computed exactly and shown rounded to one decimal."),
                              FALSE);

  ems_report_add_heading (h->report, _("Answer scale"), 1.25, 14);
  ems_report_add_answer_scale (h->report);
  add_note (h, _("An unanswered question is neither 0 nor not applicable: it lowers the coverage, not the score."));

  ems_report_add_heading (h->report, _("This handout"), 1.25, 14);
  ems_report_add_profile_row (h->report, _("Application"), app, FALSE);
  ems_report_add_profile_row (h->report, _("Generated"), generated, FALSE);
  ems_report_add_profile_row (h->report, _("Checklist"), checklist, FALSE);
  ems_report_add_profile_row (h->report, _("Participants"), count, FALSE);
  ems_report_add_profile_row (h->report, _("Anonymised"),
                              h->anonymise
                              ? _("Yes: participants are shown as “Participant A”, “Participant B”…; organisation names, sites, assessors, dates, file names, notes, evidence and action owners are left out.")
                              : _("No: participants are named."),
                              FALSE);

  if (!h->anonymise && h->n_participants > 0)
    {
      static const double widths[] = { 0.4, 0.42, 0.18 };
      const char *titles[] = { _("Participant"), _("File"), _("Assessed on") };

      ems_report_add_heading (h->report, _("Sources"), 1.25, 14);
      add_header_row (h, G_N_ELEMENTS (titles), widths, titles, 0.95);
      for (guint i = 0; i < h->n_participants; i++)
        {
          EmsAssessment *assessment = ems_comparison_get_assessment (h->comparison, i);
          const char *source = ems_comparison_get_source (h->comparison, i);
          g_autofree char *label = ems_comparison_dup_label (h->comparison, i);
          g_autofree char *file = source != NULL ? g_filename_display_basename (source) : NULL;
          char *cells[G_N_ELEMENTS (widths)];
          EmsReportBlock *block;

          cells[0] = ems_report_cell (label);
          cells[1] = ems_report_cell (ems_report_or_dash (file));
          cells[2] = ems_report_cell (ems_report_or_dash (ems_assessment_get_assessed_on (assessment)));
          block = ems_report_add_row (h->report, G_N_ELEMENTS (widths), widths, cells, FALSE);
          block->scale = 0.95;
        }
    }
}

/* Entry points -------------------------------------------------------------- */

EmsReport *
ems_report_new_comparison (EmsComparison *comparison,
                           GDateTime     *when)
{
  Handout h = { 0 };

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);

  h.comparison = comparison;
  h.n_participants = ems_comparison_get_n_participants (comparison);
  h.checklist = h.n_participants > 0
                ? ems_assessment_get_checklist (ems_comparison_get_assessment (comparison, 0))
                : ems_checklist_get_default ();
  h.n_elements = ems_comparison_get_n_elements (comparison);
  h.anonymise = ems_comparison_get_anonymise (comparison);
  h.target = ems_comparison_get_target (comparison);

  /* The footer is also the PDF's title: it names nobody, and the PDF has
   * no author, since a comparison has many assessors */
  h.report = ems_report_new_empty (h.checklist, when, _("Environmental self-assessments compared"), NULL);

  build_cover (&h);
  build_group (&h);
  build_matrix (&h);
  build_statistics (&h);
  build_priorities (&h);
  build_changes (&h);
  build_method (&h);

  return h.report;
}

gboolean
ems_report_write_comparison_pdf (EmsComparison  *comparison,
                                 const char     *path,
                                 GDateTime      *when,
                                 GError        **error)
{
  g_autoptr(EmsReport) report = NULL;

  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ems_report_new_comparison (comparison, when);

  return ems_report_save_pdf (report, path, error);
}
