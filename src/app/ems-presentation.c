/* ems-presentation.c: full-screen slides of a comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window: the slides (ems-presentation-slides.c) in a stack, moved
 * through by keys, clicks and actions. Type scales with the window's height (a font-size on the window, em
 * everywhere else, chart type from the same height) so that it reads from
 * the back of a room at 1920×1080 and on a 1024×768 projector.
 */
#define G_LOG_DOMAIN "ems-presentation"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-charts.h"
#include "ems-presentation-private.h"
#include "ems-workshop-view.h"

/* Body text: the window height divided by this, in pixels */
#define BODY_FONT_DIVISOR 27.0

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

int
ems_presentation_get_window_height (EmsPresentation *self)
{
  int width, height = gtk_widget_get_height (GTK_WIDGET (self));

  if (height <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return MAX (height, 300);
}

/* The window's type size, for the CSS: a number for a machine, with a
 * point for decimals whatever the locale ("28.4px", never "28,4px") */
static char *
font_css (const char *name,
          int         height)
{
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (size, sizeof size, "%.1f", height / BODY_FONT_DIVISOR);
  return g_strdup_printf ("#%s { font-size: %spx; }", name, size);
}

static void
update_font (EmsPresentation *self)
{
  g_autofree char *css = NULL;
  int height = ems_presentation_get_window_height (self);
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
  css = font_css (self->css_name, height);
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
  ems_presentation_add_slides (self);

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

  ems_workshop_load_stylesheet ("/io/github/tenelements/TenElements/ems-presentation.css");
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

  /* Anonymising while presenting redraws the slides, on the same one;
   * so do participants added to the set meanwhile */
  g_signal_connect_object (comparison, "notify::anonymise",
                           G_CALLBACK (build_slides), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "notify::n-participants",
                           G_CALLBACK (build_slides), self, G_CONNECT_SWAPPED);
  build_slides (self);

  return self;
}

EmsPresentation *
ems_presentation_new_for_assessment (GtkApplication *application,
                                     EmsAssessment  *assessment)
{
  g_autoptr(EmsComparison) comparison = ems_comparison_new ();
  g_autoptr(EmsAssessment) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), NULL);

  /* A copy: the document goes on being edited while the slides show the
   * assessment as it was when they opened */
  bytes = ems_assessment_serialize (assessment);
  data = g_bytes_get_data (bytes, &length);
  copy = ems_assessment_load_from_data (ems_assessment_get_checklist (assessment), data, length, NULL, NULL);
  ems_comparison_add (comparison, copy != NULL ? copy : assessment, NULL);

  return ems_presentation_new (application, comparison, NULL, 0);
}
