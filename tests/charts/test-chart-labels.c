/* test-chart-labels.c: the charts' labels in English, French and Spanish
 * at the sizes the app draws them, the critical mark, the band colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Geometry from the layout functions (rectangles), colours from rendered
 * pixels. Set EMS_CHARTS_DUMP_DIR to keep the PNGs, to look at.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ems-chart-colors.h"
#include "ems-chart-test-utils.h"

/* Labels in every language, at the sizes the app uses -------------------- */

typedef struct
{
  const char *what;
  double      width;
  double      height;
  double      font_size;
  gboolean    full;       /* every label the full title */
  gboolean    names;      /* a name on every axis (no number alone) */
  gboolean    rings;      /* the four ring labels drawn */
} RadarSize;

/* The results page's card (at 360 px wide, 800 px wide and wider
 * windows), a report page (points), presentation mode at 1024×768 (the
 * slide's chart under its title, in the slide's type size) */
static const RadarSize radar_sizes[] = {
  { "results-340", 340, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-360", 360, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-490", 490, 380, 14.67, FALSE, TRUE, TRUE },
  { "results-520", 520, 420, 14.67, FALSE, TRUE, TRUE },
  { "report", 495, 330, 8.5, TRUE, TRUE, TRUE },
  { "presentation-560", 944, 560, 21.33, FALSE, TRUE, TRUE },
  { "presentation-480", 944, 480, 21.33, FALSE, TRUE, TRUE },
};

static const char *languages[] = { "C.UTF-8", "fr_FR.UTF-8", "es_MX.UTF-8" };

/* The bundled checklist parsed under the current locale (the default one
 * is parsed once, in the language the program started in) */
static EmsChecklist *
translated_checklist (void)
{
  g_autoptr(GBytes) bytes = ems_checklist_dup_bundled_data ();
  g_autoptr(GError) error = NULL;
  EmsChecklist *checklist = ems_checklist_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return checklist;
}

static gboolean
switch_language (const char *locale,
                 char      **saved)
{
  *saved = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip_printf ("the %s locale is not installed", locale);
      return FALSE;
    }

  return TRUE;
}

static void
check_rings (const EmsRadarLayout *lay,
             double                width,
             double                height,
             gboolean              all)
{
  for (guint k = 0; k < EMS_RADAR_N_RINGS; k++)
    {
      const EmsChartRect *ring = &lay->rings[k];

      if (all)
        g_assert_cmpfloat (ring->width, >, 0);
      if (ring->width <= 0)
        continue;
      g_assert_cmpfloat (ring->x, >=, 0);
      g_assert_cmpfloat (ring->y, >=, 0);
      g_assert_cmpfloat (ring->x + ring->width, <=, width);
      g_assert_cmpfloat (ring->y + ring->height, <=, height);
      for (guint i = 0; i < lay->n_axes; i++)
        g_assert_false (ems_chart_rects_overlap (ring, &lay->labels[i]));
      if (k > 0)
        g_assert_false (ems_chart_rects_overlap (ring, &lay->rings[k - 1]));
    }
}

static void
test_radar_languages (gconstpointer user_data)
{
  const char *locale = user_data;
  g_autofree char *saved = NULL;
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsChecklist) checklist = NULL;
  g_autoptr(EmsRadarData) data = NULL;
  g_autoptr(EmsRadarData) three = NULL;

  if (!switch_language (locale, &saved))
    return;

  checklist = translated_checklist ();
  data = ems_radar_data_new_from_scores (checklist, scores, NULL);
  three = ems_radar_data_new_from_scores (checklist, scores, "Muebles del Bajío, S.A. de C.V.");
  ems_radar_data_add_series (three, "Baseline", scores);
  ems_radar_data_add_series (three, "Group mean", scores);

  /* The example has critical questions answered 0: the marks take room */
  g_assert_true (scores->elements[1].red_flag);
  g_assert_nonnull (data->short_titles);
  for (guint i = 0; i < data->n_axes; i++)
    {
      g_assert_cmpuint (strlen (data->short_titles[i]), >, 0);
      g_assert_cmpuint (g_utf8_strlen (data->short_titles[i], -1), <, g_utf8_strlen (data->labels[i], -1) + 1);
    }
  /* Really translated */
  if (!g_str_has_prefix (locale, "C"))
    {
      g_assert_cmpstr (data->labels[0], !=, "Environmental Policy");
      g_assert_cmpstr (data->short_titles[0], !=, "Policy");
    }

  for (guint k = 0; k < G_N_ELEMENTS (radar_sizes); k++)
    for (guint d = 0; d < 2; d++)
      {
        const RadarSize *size = &radar_sizes[k];
        const EmsRadarData *which = d == 0 ? data : three;
        EmsChartStyle style = *ems_chart_style_light ();
        cairo_surface_t *surface = new_surface ((int) size->width, (int) size->height);
        cairo_t *cr = cairo_create (surface);
        EmsRadarLayout lay;
        guint n_full = 0;

        style.font_size = size->font_size;
        ems_radar_layout (cr, size->width, size->height, which, &style, &lay);
        ems_radar_draw (cr, size->width, size->height, which, &style);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

        for (guint i = 0; i < lay.n_axes; i++)
          {
            n_full += lay.label_kinds[i] == EMS_CHART_LABEL_FULL;
            if (size->names)
              g_assert_cmpint (lay.label_kinds[i], !=, EMS_CHART_LABEL_NUMBER);
            if (size->full)
              g_assert_cmpint (lay.label_kinds[i], ==, EMS_CHART_LABEL_FULL);
            /* Wrapped, never more than three lines of title (four with
             * "no score") */
            g_assert_cmpuint (lay.label_lines[i], <=, 4);
          }
        g_test_message ("%s %s, %u series: radius %.1f, %u of %u full titles", locale, size->what,
                        which->n_series, lay.radius, n_full, lay.n_axes);

        /* Inside the chart, off the plot, off the legend, off each other */
        check_radar_layout (&lay, size->width, size->height);
        check_rings (&lay, size->width, size->height, size->rings);
        /* A readable plot */
        g_assert_cmpfloat (lay.radius, >=, 3 * size->font_size);

        {
          g_autofree char *name = g_strdup_printf ("radar-%s-%s-%u.png", locale, size->what, which->n_series);

          dump (surface, name);
        }
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  /* Where there is room, every title in full */
  {
    EmsChartStyle style = *ems_chart_style_light ();
    cairo_surface_t *surface = new_surface (4, 4);
    cairo_t *cr = cairo_create (surface);
    EmsRadarLayout lay;

    ems_radar_layout (cr, 1280, 800, data, &style, &lay);
    for (guint i = 0; i < lay.n_axes; i++)
      g_assert_cmpint (lay.label_kinds[i], ==, EMS_CHART_LABEL_FULL);
    g_assert_false (lay.short_labels);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  setlocale (LC_ALL, saved);
}

/* Labels shortened one by one, not all at once: a chart a little too
 * small for every title keeps those that fit */
static void
test_radar_labels_one_by_one (void)
{
  const EmsChartStyle *style = ems_chart_style_light ();
  g_autoptr(EmsRadarData) data = radar_data_by_hand ();
  cairo_surface_t *surface = new_surface (4, 4);
  cairo_t *cr = cairo_create (surface);
  EmsRadarLayout lay;
  guint n_full = 0, n_short = 0;
  static const char *shorts[10] = {
    "Policy", "Requirements", "Objectives", "Roles", "Operations", "Corrective Action",
    "Training", "Planning", "Documents", "Improvement",
  };

  data->short_titles = g_new0 (char *, 11);
  for (guint i = 0; i < 10; i++)
    data->short_titles[i] = g_strdup (shorts[i]);

  ems_radar_layout (cr, 480, 380, data, style, &lay);
  for (guint i = 0; i < lay.n_axes; i++)
    {
      n_full += lay.label_kinds[i] == EMS_CHART_LABEL_FULL;
      n_short += lay.label_kinds[i] == EMS_CHART_LABEL_SHORT;
    }
  check_radar_layout (&lay, 480, 380);
  g_assert_true (lay.short_labels);
  g_assert_cmpuint (n_full, >, 0);
  g_assert_cmpuint (n_short, >, 0);
  g_assert_cmpuint (n_full + n_short, ==, 10);
  /* The short ones are the long titles: "Document Control" fits */
  g_assert_cmpint (lay.label_kinds[8], ==, EMS_CHART_LABEL_FULL);
  g_assert_cmpint (lay.label_kinds[5], ==, EMS_CHART_LABEL_SHORT);

  /* Without short names, a title too long is wrapped, then numbered */
  g_clear_pointer (&data->short_titles, g_strfreev);
  ems_radar_layout (cr, 480, 380, data, style, &lay);
  check_radar_layout (&lay, 480, 380);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Critical: its own colour, a mark at the label and a legend entry ------- */

static double
color_distance (const EmsChartColor *a,
                const EmsChartColor *b)
{
  return fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);
}

static guint
count_pixels (cairo_surface_t     *surface,
              const EmsChartRect  *rect,
              const EmsChartColor *color)
{
  guint n = 0;
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = MAX (0, (int) floor (rect->y)); y < MIN (h, (int) ceil (rect->y + rect->height)); y++)
    for (int x = MAX (0, (int) floor (rect->x)); x < MIN (w, (int) ceil (rect->x + rect->width)); x++)
      n += pixel_is (pixel_at (surface, x, y), color, 0.02);

  return n;
}

static void
test_critical_mark (void)
{
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const EmsChartStyle *style = styles[s];
      g_autoptr(EmsRadarData) radar = radar_data_by_hand ();
      g_autoptr(EmsGapBarsData) gaps = gap_data_by_hand ();
      cairo_surface_t *surface = new_surface (800, 600);
      cairo_t *cr = cairo_create (surface);
      EmsRadarLayout lay;
      EmsChartRect legend, no_legend;

      /* Its own colour: apart from every band, readable on the background */
      for (guint b = EMS_BAND_NONE; b <= EMS_BAND_GREEN; b++)
        g_assert_cmpfloat (color_distance (&style->flag, &style->band[b]), >, 0.5);
      g_assert_cmpfloat (contrast (&style->flag, &style->background), >=, 3.0);

      /* Radar: the mark at axis 4's label, none at the others, and an
       * entry in the legend */
      ems_radar_layout (cr, 800, 600, radar, style, &lay);
      ems_radar_draw (cr, 800, 600, radar, style);
      dump (surface, s ? "critical-radar-dark.png" : "critical-radar-light.png");
      g_assert_cmpuint (count_pixels (surface, &lay.labels[4], &style->flag), >, 20);
      for (guint i = 0; i < lay.n_axes; i++)
        if (i != 4)
          g_assert_cmpuint (count_pixels (surface, &lay.labels[i], &style->flag), ==, 0);
      g_assert_cmpuint (count_pixels (surface, &lay.legend, &style->flag), >, 20);
      /* No amber nor red anywhere near: nothing else in the chart has them */
      g_assert_cmpuint (count_pixels (surface, &lay.labels[4], &style->band[EMS_BAND_AMBER]), ==, 0);

      /* Without a flag, no legend entry for it */
      radar->red_flags[4] = FALSE;
      ems_chart_paint_background (cr, 800, 600, style);
      ems_radar_draw (cr, 800, 600, radar, style);
      g_assert_cmpuint (count_pixels (surface, &lay.legend, &style->flag), ==, 0);

      /* Gap bars: the mark on bar 0's row, and the legend under the scale */
      ems_chart_paint_background (cr, 800, 600, style);
      ems_gap_bars_draw (cr, 800, 600, gaps, style);
      dump (surface, s ? "critical-gaps-dark.png" : "critical-gaps-light.png");
      g_assert_true (ems_gap_bars_get_legend_rect (cr, 800, 600, gaps, style, &legend));
      g_assert_cmpuint (count_pixels (surface, &legend, &style->flag), >, 20);
      g_assert_cmpfloat (legend.y + legend.height, <=, 600.5);
      {
        EmsChartRect bar, scale, row;

        ems_gap_bars_get_bar_rect (cr, 800, 600, gaps, style, 0, &bar, &scale);
        /* Left of the label, across the row */
        row = (EmsChartRect) { 0, bar.y - 4, scale.x, bar.height + 8 };
        g_assert_cmpuint (count_pixels (surface, &row, &style->flag), >, 20);
        ems_gap_bars_get_bar_rect (cr, 800, 600, gaps, style, 1, &bar, &scale);
        row = (EmsChartRect) { 0, bar.y - 4, scale.x, bar.height + 8 };
        g_assert_cmpuint (count_pixels (surface, &row, &style->flag), ==, 0);
        /* The legend is under the bars */
        g_assert_cmpfloat (legend.y, >=, scale.y + scale.height);
      }
      gaps->bars[0].red_flag = FALSE;
      g_assert_false (ems_gap_bars_get_legend_rect (cr, 800, 600, gaps, style, &no_legend));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The amber of the charts is the amber of the badges --------------------- */

static char *
css_block (const char *css,
           const char *selector)
{
  const char *start = strstr (css, selector);
  const char *open, *close;

  if (start == NULL)
    return NULL;
  open = strchr (start, '{');
  close = open ? strchr (open, '}') : NULL;
  g_assert_nonnull (close);

  return g_strndup (open + 1, close - open - 1);
}

static void
test_amber_matches_css (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "ui", "style.css", NULL);
  g_autofree char *css = NULL;
  g_autofree char *expected = g_strdup_printf ("@define-color %s #%06x;", EMS_CHART_BAND_AMBER_CSS,
                                               (guint) EMS_CHART_BAND_AMBER);
  g_autofree char *use = g_strdup_printf ("@%s", EMS_CHART_BAND_AMBER_CSS);
  g_autofree char *badge = NULL;
  g_autoptr(GError) error = NULL;
  const EmsChartStyle *styles[] = { ems_chart_style_light (), ems_chart_style_dark () };
  static const char *others[] = { "ems-results-page.css", "ems-presentation.css", "ems-workshop.css" };

  g_file_get_contents (path, &css, NULL, &error);
  g_assert_no_error (error);

  /* The CSS defines the header's value ... */
  g_assert_nonnull (strstr (css, expected));
  /* ... and the amber badge uses it */
  badge = css_block (css, ".band-badge.amber");
  g_assert_nonnull (badge);
  g_assert_nonnull (strstr (badge, use));
  g_assert_null (strstr (badge, "warning_bg_color"));

  /* Both chart styles draw that amber */
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      const EmsChartColor *amber = &styles[s]->band[EMS_BAND_AMBER];

      g_assert_cmpint ((int) round (amber->red * 255), ==, (EMS_CHART_BAND_AMBER >> 16) & 0xff);
      g_assert_cmpint ((int) round (amber->green * 255), ==, (EMS_CHART_BAND_AMBER >> 8) & 0xff);
      g_assert_cmpint ((int) round (amber->blue * 255), ==, EMS_CHART_BAND_AMBER & 0xff);
      /* A mark on either background */
      g_assert_cmpfloat (contrast (amber, &styles[s]->background), >=, 3.0);
    }

  /* No other stylesheet paints amber bands in a colour of its own */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *other_path = g_test_build_filename (G_TEST_DIST, "..", "ui", others[i], NULL);
      g_autofree char *other = NULL;
      g_autofree char *block = NULL;

      if (!g_file_get_contents (other_path, &other, NULL, NULL))
        continue;
      block = css_block (other, ".amber");
      if (block != NULL)
        g_assert_nonnull (strstr (block, use));
    }
}

/* Gap-chart labels use the room they have -------------------------------- */

static void
test_gap_labels (gconstpointer user_data)
{
  const char *locale = user_data;
  g_autofree char *saved = NULL;
  g_autoptr(EmsAssessment) assessment = load_example ("02-muebles-del-bajio.emsa");
  g_autoptr(EmsScores) scores = ems_scores_compute (assessment);
  g_autoptr(EmsChecklist) checklist = NULL;
  g_autoptr(EmsGapBarsData) data = NULL;
  static const struct { const char *what; double width, height, font_size; gboolean full; } sizes[] = {
    { "wide", 900, 560, 12, TRUE },
    { "report", 495, 280, 8.5, TRUE },
    { "results-520", 520, 420, 14.67, FALSE },
    { "results-490", 490, 380, 14.67, FALSE },
    { "results-360", 360, 380, 14.67, FALSE },
  };

  if (!switch_language (locale, &saved))
    return;

  checklist = translated_checklist ();
  data = ems_gap_bars_data_new_from_scores (checklist, scores);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      EmsChartStyle style = *ems_chart_style_light ();
      cairo_surface_t *surface = new_surface ((int) sizes[k].width, (int) sizes[k].height);
      cairo_t *cr = cairo_create (surface);
      EmsChartRect scale, previous = { 0 };
      guint n_full = 0;

      style.font_size = sizes[k].font_size;
      ems_gap_bars_draw (cr, sizes[k].width, sizes[k].height, data, &style);
      {
        g_autofree char *name = g_strdup_printf ("gaps-%s-%s.png", locale, sizes[k].what);

        dump (surface, name);
      }
      ems_gap_bars_get_bar_rect (cr, sizes[k].width, sizes[k].height, data, &style, 0, NULL, &scale);

      for (guint i = 0; i < data->n_bars; i++)
        {
          EmsGapBarLabel label;

          g_assert_true (ems_gap_bars_get_label (cr, sizes[k].width, sizes[k].height, data, &style, i, &label));
          n_full += label.kind == EMS_CHART_LABEL_FULL;
          /* Never cut with "…": a shorter name or a wrap first */
          g_assert_false (label.ellipsized);
          if (sizes[k].full)
            g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_FULL);
          /* Left of the bars, or above its bar in a narrow chart; inside
           * the chart, off the row above */
          g_assert_cmpfloat (label.rect.x, >=, 0);
          g_assert_cmpfloat (label.rect.x + label.rect.width, <=, sizes[k].width);
          {
            EmsChartRect bar;

            ems_gap_bars_get_bar_rect (cr, sizes[k].width, sizes[k].height, data, &style, i, &bar, NULL);
            g_assert_true (label.rect.x + label.rect.width <= scale.x ||
                           label.rect.y + label.rect.height <= bar.y + 0.5);
            g_assert_cmpfloat (bar.height, >=, 4);
          }
          if (i > 0)
            g_assert_false (ems_chart_rects_overlap (&label.rect, &previous));
          previous = label.rect;
        }
      g_test_message ("%s %s: %u of %u full titles, bars from %.0f", locale, sizes[k].what,
                      n_full, data->n_bars, scale.x);
      /* The bars keep a fair share */
      g_assert_cmpfloat (scale.width, >=, sizes[k].width * 0.25);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* A title that fits on one line is on one line, in full, with the bars
   * starting right after the longest one: no room is wasted */
  {
    EmsChartStyle style = *ems_chart_style_light ();
    cairo_surface_t *surface = new_surface (4, 4);
    cairo_t *cr = cairo_create (surface);
    g_autoptr(EmsGapBarsData) few = gap_data_by_hand ();
    EmsGapBarLabel label;
    EmsChartRect scale;
    double widest = 0;

    for (guint i = 0; i < few->n_bars; i++)
      {
        ems_gap_bars_get_label (cr, 1200, 400, few, &style, i, &label);
        g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_FULL);
        g_assert_cmpuint (label.lines, ==, 1);
        g_assert_false (label.ellipsized);
        widest = MAX (widest, label.rect.x + label.rect.width);
      }
    ems_gap_bars_get_bar_rect (cr, 1200, 400, few, &style, 0, NULL, &scale);
    g_assert_cmpfloat (scale.x - widest, <, style.font_size * 1.5);

    /* Narrow: the long title takes its short name rather than "…" */
    g_free (few->bars[3].short_label);
    few->bars[3].short_label = g_strdup ("Planning");
    ems_gap_bars_get_label (cr, 300, 160, few, &style, 3, &label);
    g_assert_cmpint (label.kind, ==, EMS_CHART_LABEL_SHORT);
    g_assert_false (label.ellipsized);

    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("EMS_LOCALEDIR");

  /* The build tree's catalogues; the language is chosen per test with
   * setlocale (LANGUAGE would override it) */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *radar = g_strdup_printf ("/charts/radar/languages/%s", languages[i]);
      g_autofree char *gaps = g_strdup_printf ("/charts/gaps/labels/%s", languages[i]);

      g_test_add_data_func (radar, languages[i], test_radar_languages);
      g_test_add_data_func (gaps, languages[i], test_gap_labels);
    }
  g_test_add_func ("/charts/radar/labels-one-by-one", test_radar_labels_one_by_one);
  g_test_add_func ("/charts/critical", test_critical_mark);
  g_test_add_func ("/charts/amber-css", test_amber_matches_css);

  return g_test_run ();
}
