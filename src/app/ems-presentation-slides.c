/* ems-presentation-slides.c: the slides of a comparison, one per view:
 * the group radar, the group's answers, each element's answers across
 * participants (or, past 16 participants, how many are in each band), the
 * priorities and the changes over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure on them comes from EmsComparison and the chart builders
 * fed by it, as in the workshop window and the handout.
 */
#define G_LOG_DOMAIN "ems-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-charts.h"
#include "ems-presentation-private.h"
#include "ems-tooltip.h"
#include "ems-workshop-view.h"

/* Per-element slides while each participant still gets a readable row */
#define MAX_PARTICIPANTS_PER_ELEMENT_SLIDE 16
/* Chart text: the window height divided by this */
#define CHART_FONT_DIVISOR 36.0

typedef enum
{
  SLIDE_RADAR,
  SLIDE_GROUP_DISTRIBUTION,
  SLIDE_ELEMENT_DISTRIBUTION,
} SlideChart;

static EmsChartStyle
chart_style (EmsPresentation *self)
{
  EmsChartStyle style = ems_workshop_chart_style ();

  style.font_size = ems_presentation_get_window_height (self) / CHART_FONT_DIVISOR;
  return style;
}

/* Slides ----------------------------------------------------------------- */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  EmsPresentation *self = user_data;
  SlideChart kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "chart"));
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "element"));
  EmsChartStyle style = chart_style (self);

  if (self->comparison == NULL || ems_comparison_get_n_participants (self->comparison) == 0)
    return;

  switch (kind)
    {
    case SLIDE_RADAR:
      {
        g_autoptr(EmsRadarData) data = ems_radar_data_new_for_comparison (self->comparison,
                                                                          (guint *) self->picked->data,
                                                                          self->picked->len);
        ems_radar_draw (cr, width, height, data, &style);
      }
      break;

    case SLIDE_GROUP_DISTRIBUTION:
      {
        g_autoptr(EmsDistributionData) data = ems_distribution_data_new_for_group (self->comparison);
        ems_distribution_draw (cr, width, height, data, &style);
      }
      break;

    case SLIDE_ELEMENT_DISTRIBUTION:
    default:
      {
        g_autoptr(EmsDistributionData) data = ems_distribution_data_new_for_element (self->comparison, number);
        ems_distribution_draw (cr, width, height, data, &style);
      }
      break;
    }
}

static GtkWidget *
slide_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_slide (const char *title,
           const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "slide");
  gtk_box_append (GTK_BOX (box), slide_label (title, "slide-title"));
  if (subtitle != NULL)
    gtk_box_append (GTK_BOX (box), slide_label (subtitle, "slide-subtitle"));

  return box;
}

static void
add_slide (EmsPresentation *self,
           GtkWidget       *slide)
{
  g_autofree char *name = g_strdup_printf ("slide-%u", self->n_slides);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* A slide never makes the window grow: what does not fit scrolls */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), slide);
  gtk_stack_add_named (self->slides, scroller, name);
  self->n_slides++;
}

static void
add_chart (EmsPresentation *self,
           GtkWidget       *slide,
           SlideChart       kind,
           guint            number,
           const char      *description)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_margin_top (area, 12);
  g_object_set_data (G_OBJECT (area), "chart", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (area), "element", GUINT_TO_POINTER (number));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_box_append (GTK_BOX (slide), area);
}

static void
add_radar_slide (EmsPresentation *self)
{
  guint n = ems_comparison_get_n_participants (self->comparison);
  g_autoptr(EmsRadarData) data = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *slide;

  data = ems_radar_data_new_for_comparison (self->comparison, (guint *) self->picked->data,
                                            self->picked->len);
  description = ems_radar_data_describe (data);

  if (n == 1)
    {
      title = ems_comparison_dup_label (self->comparison, 0);
      subtitle = g_strdup (_("Score per element, in percent"));
    }
  else
    {
      title = g_strdup (_("Group Results"));
      /* Translators: subtitle of the group radar slide */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Mean score per element of %u participant, in percent",
                                               "Mean score per element of %u participants, in percent",
                                               n),
                                  n);
    }

  slide = new_slide (title, subtitle);
  add_chart (self, slide, SLIDE_RADAR, 0, description);
  add_slide (self, slide);
}

static GtkWidget *ranking     (const char *heading);
static void       ranking_add (GtkWidget  *grid,
                               guint       row,
                               const char *name,
                               const char *value);

/* An element's slide when there are too many participants for a row
 * each: how many participants are in each band, as core counts them */
static void
add_element_bands_slide (EmsPresentation *self,
                         guint            number)
{
  const EmsElementStats *stats = ems_comparison_get_element_stats (self->comparison, number);
  g_autofree char *title = ems_workshop_element_title (number);
  g_autofree char *description = ems_element_stats_describe (stats);
  const EmsBand bands[] = { EMS_BAND_GREEN, EMS_BAND_AMBER, EMS_BAND_RED, EMS_BAND_NONE };
  GtkWidget *slide = new_slide (title, description);
  GtkWidget *grid = ranking (_("Participants per band"));

  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    {
      g_autofree char *count = g_strdup_printf ("%u", stats->n_bands[bands[b]]);

      ranking_add (grid, b + 1,
                   /* Translators: a band row of an element's slide: participants without a score */
                   bands[b] == EMS_BAND_NONE ? _("No score") : ems_band_to_label (bands[b]),
                   count);
    }
  gtk_widget_set_margin_top (grid, 24);
  gtk_box_append (GTK_BOX (slide), grid);
  add_slide (self, slide);
}

static void
add_distribution_slides (EmsPresentation *self)
{
  guint n = ems_comparison_get_n_participants (self->comparison);
  guint n_elements = ems_comparison_get_n_elements (self->comparison);
  g_autoptr(EmsDistributionData) group = ems_distribution_data_new_for_group (self->comparison);
  g_autofree char *description = ems_distribution_data_describe (group);
  GtkWidget *slide;

  if (n == 1)
    slide = new_slide (_("Answers per Element"), _("How many questions were answered at each level"));
  else
    slide = new_slide (_("Answers Across the Group"),
                       _("All participants’ answers at each level, per element"));
  add_chart (self, slide, SLIDE_GROUP_DISTRIBUTION, 0, description);
  add_slide (self, slide);

  if (n < 2)
    return;

  for (guint e = 1; e <= n_elements; e++)
    {
      g_autoptr(EmsDistributionData) data = NULL;
      g_autofree char *chart_description = NULL;
      g_autofree char *title = NULL;
      g_autofree char *stats = NULL;

      /* Too many for a row each: the participants per band instead */
      if (n > MAX_PARTICIPANTS_PER_ELEMENT_SLIDE)
        {
          add_element_bands_slide (self, e);
          continue;
        }

      data = ems_distribution_data_new_for_element (self->comparison, e);
      chart_description = ems_distribution_data_describe (data);
      title = ems_workshop_element_title (e);
      stats = ems_element_stats_describe (ems_comparison_get_element_stats (self->comparison, e));
      slide = new_slide (title, stats);
      add_chart (self, slide, SLIDE_ELEMENT_DISTRIBUTION, e, chart_description);
      add_slide (self, slide);
    }
}

/* A heading over rows of a name (one line, ellipsized) and a value */
static GtkWidget *
ranking (const char *heading)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_set_hexpand (grid, TRUE);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_attach (GTK_GRID (grid), slide_label (heading, "slide-heading"), 0, 0, 2, 1);
  return grid;
}

static void
ranking_add (GtkWidget  *grid,
             guint       row,
             const char *name,
             const char *value)
{
  GtkWidget *label = slide_label (name, "slide-body");
  GtkWidget *value_label = slide_label (value, "slide-body");

  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  ems_tooltip_set_text (label, name);
  gtk_label_set_wrap (GTK_LABEL (value_label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), value_label, 1, row, 1, 1);
}

static void
add_priorities_slide (EmsPresentation *self)
{
  guint n = ems_comparison_get_n_participants (self->comparison);
  g_autoptr(GArray) spread = ems_comparison_rank_disagreement (self->comparison);
  g_autoptr(GArray) weakest = ems_comparison_rank_weakest (self->comparison);
  g_autoptr(GArray) zeros = ems_comparison_most_zero (self->comparison, self->narrow ? 2 : 3);
  GtkWidget *slide = new_slide (_("Priorities"), NULL);
  /* Side by side on a wide screen, one above the other on a 4:3 one */
  GtkWidget *columns = gtk_box_new (self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                                    self->narrow ? 18 : 48);
  GtkWidget *box;
  guint row;

  gtk_widget_set_margin_top (columns, 18);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);

  box = ranking (n == 1 ? _("Weakest elements") : _("Weakest for the group"));
  row = 1;
  for (guint i = 0; i < weakest->len && row <= 3; i++)
    {
      guint number = g_array_index (weakest, guint, i);
      const EmsElementStats *stats = ems_comparison_get_element_stats (self->comparison, number);
      g_autofree char *title = ems_workshop_element_title (number);
      g_autofree char *mean = NULL;
      g_autofree char *value = NULL;

      if (!stats->has_stats)
        continue;
      mean = ems_format_percent (TRUE, stats->mean);
      /* Translators: a (mean) score with its band word */
      value = g_strdup_printf (_("%s (%s)"), mean, ems_band_to_label (ems_band_from_score (stats->mean)));
      ranking_add (box, row++, title, value);
    }
  gtk_box_append (GTK_BOX (columns), box);

  if (n > 1)
    {
      box = ranking (_("Largest spread"));
      row = 1;
      for (guint i = 0; i < spread->len && row <= 3; i++)
        {
          guint number = g_array_index (spread, guint, i);
          const EmsElementStats *stats = ems_comparison_get_element_stats (self->comparison, number);
          g_autofree char *title = ems_workshop_element_title (number);
          g_autofree char *min = NULL;
          g_autofree char *max = NULL;
          g_autofree char *value = NULL;

          if (!stats->has_stats)
            continue;
          min = ems_format_percent (TRUE, stats->min);
          max = ems_format_percent (TRUE, stats->max);
          /* Translators: the lowest and highest score of an element in the group */
          value = g_strdup_printf (_("%s to %s"), min, max);
          ranking_add (box, row++, title, value);
        }
      gtk_box_append (GTK_BOX (columns), box);
    }
  gtk_box_append (GTK_BOX (slide), columns);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 24);
  gtk_box_append (GTK_BOX (box), slide_label (_("Most often answered 0"), "slide-heading"));
  if (zeros->len == 0)
    gtk_box_append (GTK_BOX (box), slide_label (_("No question was answered 0"), "slide-body"));
  for (guint i = 0; i < zeros->len; i++)
    {
      const EmsZeroCount *zero = &g_array_index (zeros, EmsZeroCount, i);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (n == 1)
        text = g_strdup_printf ("%s  %s", zero->question->id, zero->question->text);
      else
        /* Translators: how many participants answered a question 0, of
         * those that answered it; question id; question text */
        text = g_strdup_printf (_("%u of %u · %s  %s"), zero->n_zero, zero->n_answered,
                                zero->question->id, zero->question->text);
      label = slide_label (text, "slide-body");
      /* Two lines at most: the whole question is in the tooltip */
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      ems_tooltip_set_text (label, text);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (slide), box);

  add_slide (self, slide);
}

static void
add_change_slides (EmsPresentation *self)
{
  g_autoptr(GPtrArray) follow_ups = ems_comparison_follow_ups (self->comparison);

  for (guint i = 0; i < follow_ups->len; i++)
    {
      const EmsFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      g_autofree char *name = ems_follow_up_dup_title (follow_up);
      g_autofree char *description = ems_comparison_describe_follow_up (self->comparison, follow_up);
      g_autofree char *title = NULL;
      GtkWidget *slide, *grid;

      /* Translators: slide title; %s is an organisation or participant */
      title = g_strdup_printf (_("Changes Over Time: %s"), name);
      slide = new_slide (title, description);
      grid = ems_workshop_change_grid_new (self->comparison, follow_up, "slide-body", FALSE);
      gtk_widget_set_margin_top (grid, 12);
      gtk_widget_set_valign (grid, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (slide), grid);
      add_slide (self, slide);
    }
}

void
ems_presentation_add_slides (EmsPresentation *self)
{
  if (ems_comparison_get_n_participants (self->comparison) == 0)
    {
      add_slide (self, new_slide (_("No Assessments"), NULL));
      return;
    }

  add_radar_slide (self);
  add_distribution_slides (self);
  add_priorities_slide (self);
  add_change_slides (self);
}
