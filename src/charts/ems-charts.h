/* ems-charts.h: the result charts, drawn with Cairo and Pango (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is a small drawing unit in the manner of Sysprof: a plain
 * data struct (what to draw), a style (how it looks) and one function that
 * draws it on any cairo_t inside the rectangle (0, 0, width, height) in
 * user units. The same code draws in the window, on a printed page and in
 * PNG, SVG and PDF files.
 *
 * Data structs are plain: callers may fill them by hand (every pointer is
 * borrowed by the draw function) or build them from scores with the
 * *_new_from_scores() constructors, which return heap copies to free with
 * the matching *_free().
 *
 * A null value (no score: has_value FALSE) is always drawn as a gap or a
 * "no score" mark, never as 0.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "ems-comparison.h"
#include "ems-scores.h"

G_BEGIN_DECLS

/* Style ------------------------------------------------------------------ */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} EmsChartColor;

#define EMS_CHART_MAX_SERIES 3

typedef struct
{
  gboolean       fill_background;   /* paint background first */
  EmsChartColor  background;
  EmsChartColor  foreground;        /* text, axes */
  EmsChartColor  muted;             /* secondary text, "no score" */
  EmsChartColor  grid;              /* rings, gridlines, empty tracks */
  EmsChartColor  band[4];           /* indexed by EmsBand */
  EmsChartColor  series[EMS_CHART_MAX_SERIES];
  EmsChartColor  target;            /* target ring and line */
  EmsChartColor  levels[EMS_LEVEL_MAX + 1]; /* answer levels 0..4 */
  EmsChartColor  not_applicable;
  EmsChartColor  unanswered;
  EmsChartColor  flag;              /* red-flag marker */
  const char    *font_family;       /* e.g. "Sans", "Cantarell" */
  double         font_size;         /* body text, in user units */
} EmsChartStyle;

/* Shared, static styles: copy the struct to change a field. The light style
 * is also the paper (print, PDF) style. A window picks the one matching
 * AdwStyleManager:dark, and may set fill_background to FALSE to draw on its
 * own background, font_family/font_size from its font (font_size is in user
 * units: pixels in a widget, points on paper). */
const EmsChartStyle *ems_chart_style_light (void);
const EmsChartStyle *ems_chart_style_dark  (void);

/* A rectangle in user units, for hit-testing and tests */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} EmsChartRect;

/* A value that may be null */
typedef struct
{
  gboolean has_value;
  double   value;       /* percent 0..100 */
} EmsChartValue;

/* Radar ------------------------------------------------------------------ */

#define EMS_RADAR_MAX_AXES 16

typedef struct
{
  char          *name;     /* legend text */
  EmsChartValue *values;   /* n_axes */
} EmsRadarSeries;

typedef struct
{
  guint           n_axes;        /* 3..EMS_RADAR_MAX_AXES */
  char          **labels;        /* n_axes: element titles */
  char          **short_labels;  /* n_axes: "1".."10", the element numbers; may be NULL */
  gboolean       *red_flags;     /* n_axes, may be NULL: critical marker at the label */
  guint           n_series;      /* 0..EMS_CHART_MAX_SERIES; series 0 on top */
  EmsRadarSeries  series[EMS_CHART_MAX_SERIES];
  gboolean        has_target;
  double          target;        /* percent */
  char          **short_titles;  /* n_axes: short element names ("Policy"),
                                  * used where a title does not fit; may be NULL */
} EmsRadarData;

/* How an element is labelled in a chart, longest first: its number and
 * title (wrapped), its number and short name, its number alone (on a
 * radar, only when nothing else fits, in a tiny chart) */
typedef enum
{
  EMS_CHART_LABEL_FULL,
  EMS_CHART_LABEL_SHORT,
  EMS_CHART_LABEL_NUMBER,
} EmsChartLabelKind;

#define EMS_RADAR_N_RINGS 4

/* Where things were drawn; filled by ems_radar_layout() */
typedef struct
{
  double             cx;
  double             cy;
  double             radius;          /* the 100 % ring */
  gboolean           short_labels;    /* some label is not the full title */
  guint              n_axes;
  EmsChartRect       labels[EMS_RADAR_MAX_AXES];  /* text and critical mark */
  EmsChartRect       legend;
  EmsChartLabelKind  label_kinds[EMS_RADAR_MAX_AXES];
  guint              label_lines[EMS_RADAR_MAX_AXES];
  /* The ring labels "25" .. "100 %" along the first spoke; a zero width
   * when that one is not drawn (too small a chart, or in a label's way) */
  EmsChartRect       rings[EMS_RADAR_N_RINGS];
} EmsRadarLayout;

/* One series from @scores, named @series_name (NULL: "Score"), the target
 * ring, the red flags; element titles from @checklist */
EmsRadarData *ems_radar_data_new_from_scores   (EmsChecklist        *checklist,
                                                const EmsScores     *scores,
                                                const char          *series_name);
/* Adds a comparison series (a baseline, another site, a group mean);
 * FALSE when EMS_CHART_MAX_SERIES are already there. */
gboolean      ems_radar_data_add_series        (EmsRadarData        *data,
                                                const char          *name,
                                                const EmsScores     *scores);
void          ems_radar_data_free              (EmsRadarData        *data);
/* The chart in words, with its numbers: for a screen reader (the accessible
 * description of the drawing area) and for alternative text. Translated. */
char         *ems_radar_data_describe          (const EmsRadarData  *data);

void          ems_radar_layout                 (cairo_t             *cr,
                                                double               width,
                                                double               height,
                                                const EmsRadarData  *data,
                                                const EmsChartStyle *style,
                                                EmsRadarLayout      *layout);
/* Where @value (percent) on axis @axis lies, for hit-testing and tooltips */
void          ems_radar_layout_get_point       (const EmsRadarLayout *layout,
                                                guint                axis,
                                                double               value,
                                                double              *x,
                                                double              *y);
void          ems_radar_draw                   (cairo_t             *cr,
                                                double               width,
                                                double               height,
                                                const EmsRadarData  *data,
                                                const EmsChartStyle *style);

/* Gap bars --------------------------------------------------------------- */

typedef struct
{
  guint     number;      /* element number */
  char     *label;       /* element title */
  gboolean  has_score;   /* FALSE: "no score", no bar */
  double    score;
  double    gap;         /* points below target, >= 0 */
  EmsBand   band;        /* band of the score */
  gboolean  red_flag;    /* a critical question answered 0: the critical mark */
  char     *short_label; /* short element name, where the title does not
                          * fit; may be NULL */
} EmsGapBar;

/* How a bar's label was laid out, for tests */
typedef struct
{
  EmsChartRect       rect;        /* the text's box */
  EmsChartLabelKind  kind;        /* FULL or SHORT */
  guint              lines;
  gboolean           ellipsized;  /* only when even the short name does not fit */
} EmsGapBarLabel;

typedef struct
{
  double     target;     /* percent; the scale runs 0..target */
  guint      n_bars;
  EmsGapBar *bars;       /* drawn top to bottom in this order */
} EmsGapBarsData;

/* Bars sorted by priority: largest gap first, null scores last */
EmsGapBarsData *ems_gap_bars_data_new_from_scores (EmsChecklist          *checklist,
                                                   const EmsScores       *scores);
void            ems_gap_bars_data_free            (EmsGapBarsData        *data);
char           *ems_gap_bars_data_describe        (const EmsGapBarsData  *data);
/* The rectangle of bar @index (zero width for a zero or null gap); the
 * scale rectangle (0 .. target) in @scale when not NULL. */
gboolean        ems_gap_bars_get_bar_rect         (cairo_t               *cr,
                                                   double                 width,
                                                   double                 height,
                                                   const EmsGapBarsData  *data,
                                                   const EmsChartStyle   *style,
                                                   guint                  index,
                                                   EmsChartRect          *bar,
                                                   EmsChartRect          *scale);
/* Bar @index's label; FALSE when @index is out of range */
gboolean        ems_gap_bars_get_label            (cairo_t               *cr,
                                                   double                 width,
                                                   double                 height,
                                                   const EmsGapBarsData  *data,
                                                   const EmsChartStyle   *style,
                                                   guint                  index,
                                                   EmsGapBarLabel        *label);
/* The legend of the critical mark, under the scale; FALSE when no bar has
 * the mark (there is no legend then) */
gboolean        ems_gap_bars_get_legend_rect      (cairo_t               *cr,
                                                   double                 width,
                                                   double                 height,
                                                   const EmsGapBarsData  *data,
                                                   const EmsChartStyle   *style,
                                                   EmsChartRect          *rect);
void            ems_gap_bars_draw                 (cairo_t               *cr,
                                                   double                 width,
                                                   double                 height,
                                                   const EmsGapBarsData  *data,
                                                   const EmsChartStyle   *style);

/* Answer distribution ---------------------------------------------------- */

typedef struct
{
  char  *label;                       /* element title */
  guint  n_levels[EMS_LEVEL_MAX + 1]; /* answers per level 0..4 */
  guint  n_not_applicable;
  guint  n_unanswered;
} EmsDistributionRow;

/* Segment order in a row and in the legend */
enum
{
  EMS_DISTRIBUTION_NA = EMS_LEVEL_MAX + 1,
  EMS_DISTRIBUTION_UNANSWERED,
  EMS_DISTRIBUTION_N_SEGMENTS
};

typedef struct
{
  guint               n_rows;
  EmsDistributionRow *rows;
  char               *segment_labels[EMS_DISTRIBUTION_N_SEGMENTS]; /* legend */
} EmsDistributionData;

EmsDistributionData *ems_distribution_data_new_from_scores (EmsChecklist              *checklist,
                                                            const EmsScores           *scores);
void                 ems_distribution_data_free            (EmsDistributionData       *data);
char                *ems_distribution_data_describe        (const EmsDistributionData *data);
void                 ems_distribution_draw                 (cairo_t                   *cr,
                                                            double                     width,
                                                            double                     height,
                                                            const EmsDistributionData *data,
                                                            const EmsChartStyle       *style);

/* A comparison's charts (ems-chart-comparison.c): built from the figures
 * EmsComparison computes, never from figures of their own -------------- */

/* The group mean against the group target, with @picked participants
 * (at most EMS_CHART_MAX_SERIES - 1) drawn over it; no red flags (the
 * group has none). A set of one is that participant's own chart. */
EmsRadarData        *ems_radar_data_new_for_comparison     (EmsComparison   *comparison,
                                                            const guint     *picked,
                                                            guint            n_picked);
/* The group mean, the lowest and the highest score of each element,
 * against the group target */
EmsRadarData        *ems_radar_data_new_for_group_range    (EmsComparison   *comparison);
/* Every answer of the group, one row per element */
EmsDistributionData *ems_distribution_data_new_for_group   (EmsComparison   *comparison);
/* Element @number's answers, one row per participant (its label) */
EmsDistributionData *ems_distribution_data_new_for_element (EmsComparison   *comparison,
                                                            guint            number);

/* Coverage ring ---------------------------------------------------------- */

typedef struct
{
  guint  n_done;      /* answered or N/A */
  guint  n_total;
  char  *title;       /* above the ring; may be NULL */
} EmsCoverageData;

EmsCoverageData *ems_coverage_data_new_from_scores (const EmsScores       *scores);
void             ems_coverage_data_free            (EmsCoverageData       *data);
char            *ems_coverage_data_describe        (const EmsCoverageData *data);
void             ems_coverage_draw                 (cairo_t               *cr,
                                                    double                 width,
                                                    double                 height,
                                                    const EmsCoverageData *data,
                                                    const EmsChartStyle   *style);

/* Any chart of an assessment ------------------------------------------- */

typedef enum
{
  EMS_CHART_RADAR,
  EMS_CHART_GAPS,
  EMS_CHART_DISTRIBUTION,
  EMS_CHART_COVERAGE,
} EmsChartKind;

#define EMS_CHART_N_KINDS 4

/* "radar", "gaps", "distribution", "coverage" */
const char *ems_chart_kind_to_string   (EmsChartKind         kind);
gboolean    ems_chart_kind_from_string (const char          *str,
                                        EmsChartKind        *kind);
/* A good size for the chart alone, in user units (pixels at 1×, points) */
void        ems_chart_get_default_size (EmsChartKind         kind,
                                        double              *width,
                                        double              *height);
/* The chart of @scores in words (see ems_radar_data_describe()) */
char       *ems_chart_describe         (EmsChartKind         kind,
                                        EmsChecklist        *checklist,
                                        const EmsScores     *scores);
/* Builds the data from @scores and draws the chart */
void        ems_chart_draw             (cairo_t             *cr,
                                        EmsChartKind         kind,
                                        double               width,
                                        double               height,
                                        EmsChecklist        *checklist,
                                        const EmsScores     *scores,
                                        const EmsChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsRadarData, ems_radar_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsGapBarsData, ems_gap_bars_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsDistributionData, ems_distribution_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmsCoverageData, ems_coverage_data_free)

G_END_DECLS
