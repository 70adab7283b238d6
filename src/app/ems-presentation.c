/* ems-presentation.c: full-screen slides of a comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One slide per view: the group radar, the group's answers, each element's
 * answers across participants, the priorities and the changes over time.
 * Type scales with the window's height (a font-size on the window, em
 * everywhere else, chart type from the same height) so that it reads from
 * the back of a room at 1920×1080 and on a 1024×768 projector.
 */
#define G_LOG_DOMAIN "ems-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-charts.h"
#include "ems-tooltip.h"
#include "ems-presentation.h"
#include "ems-workshop-private.h"

/* Per-element slides while each participant still gets a readable row */
#define MAX_PARTICIPANTS_PER_ELEMENT_SLIDE 16
/* Body text: the window height divided by this, in pixels */
#define BODY_FONT_DIVISOR 27.0
/* Chart text */
#define CHART_FONT_DIVISOR 36.0

typedef enum
{
  SLIDE_RADAR,
  SLIDE_GROUP_DISTRIBUTION,
  SLIDE_ELEMENT_DISTRIBUTION,
} SlideChart;

struct _EmsPresentation
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *slides;
  GtkLabel       *counter;

  EmsComparison  *comparison;
  EmsScores      *group_mean;
  GArray         *picked;
  guint           slide;
  guint           n_slides;

  GtkCssProvider *provider;
  char           *css_name;
  int             font_height;
  guint           font_idle;
  gboolean        narrow;         /* 4:3 rather than 16:9: less side by side */
};

G_DEFINE_FINAL_TYPE (EmsPresentation, ems_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SLIDE,
  PROP_N_SLIDES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Type size ------------------------------------------------------------ */

static void build_slides (EmsPresentation *self);

static int
window_width (EmsPresentation *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height;

  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return MAX (width, 300);
}

static int
window_height (EmsPresentation *self)
{
  int width, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return MAX (height, 300);
}

static void
update_font (EmsPresentation *self)
{
  g_autofree char *css = NULL;
  int height = window_height (self);
  gboolean narrow = window_width (self) < 1.5 * height;

  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->comparison != NULL)
        build_slides (self);
    }

  if (height == self->font_height)
    return;

  self->font_height = height;
  css = g_strdup_printf ("#%s { font-size: %.1fpx; }", self->css_name, height / BODY_FONT_DIVISOR);
  gtk_css_provider_load_from_data (self->provider, css, -1);
}

static gboolean
update_font_idle (gpointer user_data)
{
  EmsPresentation *self = user_data;

  self->font_idle = 0;
  update_font (self);
  return G_SOURCE_REMOVE;
}

static void
ems_presentation_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  EmsPresentation *self = EMS_PRESENTATION (widget);

  GTK_WIDGET_CLASS (ems_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: the new size applies on the next frame */
  if ((height != self->font_height || (width < 1.5 * height) != self->narrow) && self->font_idle == 0)
    self->font_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_font_idle, self, NULL);
}

static EmsChartStyle
chart_style (EmsPresentation *self)
{
  EmsChartStyle style = *ems_workshop_chart_style ();

  style.fill_background = FALSE;
  style.font_size = window_height (self) / CHART_FONT_DIVISOR;
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
        g_autoptr(EmsRadarData) data = ems_workshop_radar_data_new (self->comparison, self->group_mean,
                                                                    (guint *) self->picked->data,
                                                                    self->picked->len);
        ems_radar_draw (cr, width, height, data, &style);
      }
      break;

    case SLIDE_GROUP_DISTRIBUTION:
      {
        g_autoptr(EmsDistributionData) data = ems_workshop_group_distribution_data_new (self->comparison);
        ems_distribution_draw (cr, width, height, data, &style);
      }
      break;

    case SLIDE_ELEMENT_DISTRIBUTION:
    default:
      {
        g_autoptr(EmsDistributionData) data = ems_workshop_distribution_data_new (self->comparison, number);
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

static char *
element_title (guint number)
{
  const EmsElement *element = ems_checklist_get_element (ems_checklist_get_default (), number);

  /* Translators: an element number and its title */
  return g_strdup_printf (_("%u. %s"), number, element ? element->title : "");
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

  data = ems_workshop_radar_data_new (self->comparison, self->group_mean,
                                      (guint *) self->picked->data, self->picked->len);
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

static void
add_distribution_slides (EmsPresentation *self)
{
  guint n = ems_comparison_get_n_participants (self->comparison);
  guint n_elements = ems_comparison_get_n_elements (self->comparison);
  g_autoptr(EmsDistributionData) group = ems_workshop_group_distribution_data_new (self->comparison);
  g_autofree char *description = ems_distribution_data_describe (group);
  GtkWidget *slide;

  if (n == 1)
    slide = new_slide (_("Answers per Element"), _("How many questions were answered at each level"));
  else
    slide = new_slide (_("Answers Across the Group"),
                       _("All participants’ answers at each level, per element"));
  add_chart (self, slide, SLIDE_GROUP_DISTRIBUTION, 0, description);
  add_slide (self, slide);

  if (n < 2 || n > MAX_PARTICIPANTS_PER_ELEMENT_SLIDE)
    return;

  for (guint e = 1; e <= n_elements; e++)
    {
      g_autoptr(EmsDistributionData) data = ems_workshop_distribution_data_new (self->comparison, e);
      g_autofree char *chart_description = ems_distribution_data_describe (data);
      g_autofree char *title = element_title (e);
      g_autofree char *stats = ems_workshop_describe_stats (ems_comparison_get_element_stats (self->comparison, e));

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
      g_autofree char *title = element_title (number);
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
          g_autofree char *title = element_title (number);
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
      g_autofree char *name = ems_workshop_follow_up_title (follow_up);
      g_autofree char *description = ems_workshop_describe_follow_up (self->comparison, follow_up);
      g_autofree char *title = NULL;
      GtkWidget *slide, *grid;

      /* Translators: slide title; %s is an organisation or participant */
      title = g_strdup_printf (_("Changes Over Time: %s"), name);
      slide = new_slide (title, description);
      grid = ems_workshop_change_grid_new (self->comparison, follow_up, "slide-body");
      gtk_widget_set_margin_top (grid, 12);
      gtk_widget_set_valign (grid, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (slide), grid);
      add_slide (self, slide);
    }
}

static void
update_counter (EmsPresentation *self)
{
  g_autofree char *text = NULL;

  /* Translators: slide counter, "3 / 12" */
  text = g_strdup_printf (_("%u / %u"), self->slide + 1, self->n_slides);
  gtk_label_set_text (self->counter, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->counter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
build_slides (EmsPresentation *self)
{
  GtkWidget *child;
  guint slide = self->slide;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->slides))) != NULL)
    gtk_stack_remove (self->slides, child);
  self->n_slides = 0;
  g_clear_pointer (&self->group_mean, ems_workshop_free_group_mean);

  if (ems_comparison_get_n_participants (self->comparison) == 0)
    {
      add_slide (self, new_slide (_("No Assessments"), NULL));
    }
  else
    {
      self->group_mean = ems_workshop_compute_group_mean (self->comparison);
      add_radar_slide (self);
      add_distribution_slides (self);
      add_priorities_slide (self);
      add_change_slides (self);
    }

  self->slide = G_MAXUINT;
  ems_presentation_set_slide (self, MIN (slide, self->n_slides - 1));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SLIDES]);
}

/* Public API ------------------------------------------------------------- */

EmsComparison *
ems_presentation_get_comparison (EmsPresentation *self)
{
  g_return_val_if_fail (EMS_IS_PRESENTATION (self), NULL);
  return self->comparison;
}

guint
ems_presentation_get_n_slides (EmsPresentation *self)
{
  g_return_val_if_fail (EMS_IS_PRESENTATION (self), 0);
  return self->n_slides;
}

guint
ems_presentation_get_slide (EmsPresentation *self)
{
  g_return_val_if_fail (EMS_IS_PRESENTATION (self), 0);
  return self->slide;
}

void
ems_presentation_set_slide (EmsPresentation *self,
                            guint            slide)
{
  g_autofree char *name = NULL;

  g_return_if_fail (EMS_IS_PRESENTATION (self));

  if (self->n_slides == 0)
    return;
  slide = MIN (slide, self->n_slides - 1);
  if (slide == self->slide)
    return;

  self->slide = slide;
  name = g_strdup_printf ("slide-%u", slide);
  gtk_stack_set_visible_child_name (self->slides, name);
  update_counter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDE]);
}

const char *
ems_presentation_get_counter_text (EmsPresentation *self)
{
  g_return_val_if_fail (EMS_IS_PRESENTATION (self), NULL);
  return gtk_label_get_text (self->counter);
}

void
ems_presentation_start (EmsPresentation *self)
{
  g_return_if_fail (EMS_IS_PRESENTATION (self));

  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

/* Actions and keys ------------------------------------------------------- */

static void
slide_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  EmsPresentation *self = EMS_PRESENTATION (widget);

  if (g_str_equal (action_name, "slides.next"))
    ems_presentation_set_slide (self, self->slide + 1);
  else if (g_str_equal (action_name, "slides.previous"))
    ems_presentation_set_slide (self, self->slide > 0 ? self->slide - 1 : 0);
  else if (g_str_equal (action_name, "slides.first"))
    ems_presentation_set_slide (self, 0);
  else if (g_str_equal (action_name, "slides.last"))
    ems_presentation_set_slide (self, self->n_slides > 0 ? self->n_slides - 1 : 0);
  else if (g_str_equal (action_name, "slides.leave"))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EmsPresentation       *self)
{
  const char *action = NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    /* Presenter clickers send Page Up/Down (some send b or period too) */
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_n:
      action = "slides.next";
      break;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      action = "slides.previous";
      break;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = "slides.first";
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = "slides.last";
      break;

    case GDK_KEY_Escape:
    case GDK_KEY_F5:
      action = "slides.leave";
      break;

    default:
      return FALSE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          EmsPresentation *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == GDK_BUTTON_SECONDARY ? "slides.previous" : "slides.next",
                              NULL);
}

/* GObject ---------------------------------------------------------------- */

static void
ems_presentation_dispose (GObject *object)
{
  EmsPresentation *self = EMS_PRESENTATION (object);

  g_clear_handle_id (&self->font_idle, g_source_remove);
  if (self->provider != NULL)
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));

      gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider));
      g_clear_object (&self->provider);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_PRESENTATION);

  g_clear_object (&self->comparison);
  g_clear_pointer (&self->group_mean, ems_workshop_free_group_mean);
  g_clear_pointer (&self->picked, g_array_unref);

  G_OBJECT_CLASS (ems_presentation_parent_class)->dispose (object);
}

static void
ems_presentation_finalize (GObject *object)
{
  EmsPresentation *self = EMS_PRESENTATION (object);

  g_free (self->css_name);

  G_OBJECT_CLASS (ems_presentation_parent_class)->finalize (object);
}

static void
ems_presentation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmsPresentation *self = EMS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      g_value_set_uint (value, self->slide);
      break;

    case PROP_N_SLIDES:
      g_value_set_uint (value, self->n_slides);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_presentation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmsPresentation *self = EMS_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_SLIDE:
      ems_presentation_set_slide (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ems_presentation_class_init (EmsPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ems_presentation_dispose;
  object_class->finalize = ems_presentation_finalize;
  object_class->get_property = ems_presentation_get_property;
  object_class->set_property = ems_presentation_set_property;
  widget_class->size_allocate = ems_presentation_size_allocate;

  properties[PROP_SLIDE] =
    g_param_spec_uint ("slide", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SLIDES] =
    g_param_spec_uint ("n-slides", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsPresentation, slides);
  gtk_widget_class_bind_template_child (widget_class, EmsPresentation, counter);

  gtk_widget_class_install_action (widget_class, "slides.next", NULL, slide_action);
  gtk_widget_class_install_action (widget_class, "slides.previous", NULL, slide_action);
  gtk_widget_class_install_action (widget_class, "slides.first", NULL, slide_action);
  gtk_widget_class_install_action (widget_class, "slides.last", NULL, slide_action);
  gtk_widget_class_install_action (widget_class, "slides.leave", NULL, slide_action);
}

static void
ems_presentation_init (EmsPresentation *self)
{
  static guint counter = 0;
  GtkEventController *keys;
  GtkGesture *click;

  ems_workshop_load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->picked = g_array_new (FALSE, FALSE, sizeof (guint));
  self->css_name = g_strdup_printf ("ems-presentation-%u", ++counter);
  gtk_widget_set_name (GTK_WIDGET (self), self->css_name);
  self->provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_font (self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

EmsPresentation *
ems_presentation_new (GtkApplication *application,
                      EmsComparison  *comparison,
                      const guint    *picked,
                      guint           n_picked)
{
  EmsPresentation *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (EMS_IS_COMPARISON (comparison), NULL);

  self = g_object_new (EMS_TYPE_PRESENTATION,
                       "application", application,
                       NULL);
  self->comparison = g_object_ref (comparison);
  for (guint i = 0; i < n_picked && i < EMS_CHART_MAX_SERIES - 1; i++)
    g_array_append_val (self->picked, picked[i]);

  /* Anonymising while presenting redraws the slides, on the same one */
  g_signal_connect_object (comparison, "notify::anonymise",
                           G_CALLBACK (build_slides), self, G_CONNECT_SWAPPED);
  build_slides (self);

  return self;
}

EmsPresentation *
ems_presentation_new_for_assessment (GtkApplication *application,
                                     EmsAssessment  *assessment)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  ems_comparison_add (comparison, assessment, NULL);
  return ems_presentation_new (application, comparison, NULL, 0);
}
