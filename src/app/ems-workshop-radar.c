/* ems-workshop-radar.c: the workshop's group radar, with participants to
 * draw over the group mean
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-radar"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-workshop-radar.h"

struct _EmsWorkshopRadar
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkLabel        *picker_caption;
  GtkListBox      *participant_list;
  GtkDrawingArea  *area;

  GArray          *picked;         /* guint participant indexes */
  GPtrArray       *pick_buttons;   /* GtkCheckButton*, per participant */
};

G_DEFINE_FINAL_TYPE (EmsWorkshopRadar, ems_workshop_radar, EMS_TYPE_WORKSHOP_VIEW)

static EmsRadarData *
radar_data (EmsWorkshopRadar *self)
{
  EmsComparison *comparison = ems_workshop_view_get_comparison (EMS_WORKSHOP_VIEW (self));

  if (ems_workshop_view_get_n_participants (EMS_WORKSHOP_VIEW (self)) == 0)
    return NULL;

  return ems_radar_data_new_for_comparison (comparison, (guint *) self->picked->data, self->picked->len);
}

static void
update_radar (EmsWorkshopRadar *self)
{
  g_autoptr(EmsRadarData) data = radar_data (self);
  g_autofree char *description = NULL;

  if (data == NULL)
    return;

  description = ems_radar_data_describe (data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  g_autoptr(EmsRadarData) data = radar_data (user_data);
  EmsChartStyle style = ems_workshop_chart_style ();

  if (data != NULL)
    ems_radar_draw (cr, width, height, data, &style);
}

static void
update_pick_sensitivity (EmsWorkshopRadar *self)
{
  for (guint i = 0; i < self->pick_buttons->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->pick_buttons, i);

      gtk_widget_set_sensitive (GTK_WIDGET (check),
                                gtk_check_button_get_active (check) ||
                                self->picked->len < EMS_WORKSHOP_RADAR_MAX_PICKED);
    }
}

static gboolean
is_picked (EmsWorkshopRadar *self,
           guint             index,
           guint            *position)
{
  for (guint i = 0; i < self->picked->len; i++)
    if (g_array_index (self->picked, guint, i) == index)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
on_pick_toggled (GtkCheckButton   *check,
                 EmsWorkshopRadar *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "participant"));
  gboolean active = gtk_check_button_get_active (check);
  guint position;
  gboolean picked = is_picked (self, index, &position);

  if (active && !picked && self->picked->len < EMS_WORKSHOP_RADAR_MAX_PICKED)
    g_array_append_val (self->picked, index);
  else if (!active && picked)
    g_array_remove_index (self->picked, position);

  update_pick_sensitivity (self);
  update_radar (self);
}

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  EmsWorkshopRadar *self)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "check");

  if (check != NULL && gtk_widget_get_sensitive (GTK_WIDGET (check)))
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static GtkWidget *
picker_row (EmsWorkshopRadar *self,
            guint             index,
            const char       *label)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (label);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_picked (self, index, NULL));
  g_object_set_data (G_OBJECT (check), "participant", GUINT_TO_POINTER (index));
  g_signal_connect (check, "toggled", G_CALLBACK (on_pick_toggled), self);
  /* Long names wrap instead of widening the list */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 26);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, text, NULL,
                                  -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), text);
  g_object_set_data (G_OBJECT (box), "check", check);
  g_ptr_array_add (self->pick_buttons, check);

  return box;
}

static void
ems_workshop_radar_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopRadar *self = EMS_WORKSHOP_RADAR (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);
  guint n = ems_workshop_view_get_n_participants (view);
  GtkWidget *child;

  /* Picks that no longer exist go */
  for (guint i = self->picked->len; i > 0; i--)
    if (g_array_index (self->picked, guint, i - 1) >= n)
      g_array_remove_index (self->picked, i - 1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participant_list))) != NULL)
    gtk_list_box_remove (self->participant_list, child);
  g_ptr_array_set_size (self->pick_buttons, 0);

  for (guint p = 0; p < n; p++)
    {
      g_autofree char *label = ems_comparison_dup_label (comparison, p);

      gtk_list_box_append (self->participant_list, picker_row (self, p, label));
    }

  update_pick_sensitivity (self);
  update_radar (self);
}

static void
ems_workshop_radar_dispose (GObject *object)
{
  EmsWorkshopRadar *self = EMS_WORKSHOP_RADAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EMS_TYPE_WORKSHOP_RADAR);
  g_clear_pointer (&self->pick_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (ems_workshop_radar_parent_class)->dispose (object);
}

static void
ems_workshop_radar_finalize (GObject *object)
{
  EmsWorkshopRadar *self = EMS_WORKSHOP_RADAR (object);

  g_array_unref (self->picked);

  G_OBJECT_CLASS (ems_workshop_radar_parent_class)->finalize (object);
}

static void
ems_workshop_radar_class_init (EmsWorkshopRadarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_radar_dispose;
  object_class->finalize = ems_workshop_radar_finalize;
  view_class->rebuild = ems_workshop_radar_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-radar.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopRadar, picker_caption);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopRadar, participant_list);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopRadar, area);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
ems_workshop_radar_init (EmsWorkshopRadar *self)
{
  g_autofree char *caption = NULL;

  /* Before the template: building it may set the comparison */
  self->picked = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pick_buttons = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: %u is how many participants the radar can draw over the
   * group mean (the chart draws three series at most) */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Pick up to %u participant to draw over the group mean.",
                                          "Pick up to %u participants to draw over the group mean.",
                                          EMS_WORKSHOP_RADAR_MAX_PICKED),
                             EMS_WORKSHOP_RADAR_MAX_PICKED);
  gtk_label_set_text (self->picker_caption, caption);

  gtk_drawing_area_set_draw_func (self->area, draw_radar, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
}

void
ems_workshop_radar_set_picked (EmsWorkshopRadar *self,
                               const guint      *participants,
                               guint             n_participants)
{
  g_return_if_fail (EMS_IS_WORKSHOP_RADAR (self));
  g_return_if_fail (participants != NULL || n_participants == 0);

  g_array_set_size (self->picked, 0);
  for (guint i = 0; i < n_participants && self->picked->len < EMS_WORKSHOP_RADAR_MAX_PICKED; i++)
    if (!is_picked (self, participants[i], NULL))
      g_array_append_val (self->picked, participants[i]);

  ems_workshop_view_rebuild (EMS_WORKSHOP_VIEW (self));
}

const guint *
ems_workshop_radar_get_picked (EmsWorkshopRadar *self,
                               guint            *n_participants)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_RADAR (self), NULL);

  if (n_participants != NULL)
    *n_participants = self->picked->len;
  return (const guint *) self->picked->data;
}
