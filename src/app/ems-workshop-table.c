/* ems-workshop-table.c: the workshop's participants × elements table,
 * with the group's statistics under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ems-workshop-table"

#include "config.h"

#include <glib/gi18n.h>

#include "ems-tooltip.h"
#include "ems-workshop-table.h"

struct _EmsWorkshopTable
{
  EmsWorkshopView  parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkLabel        *legend;

  GtkWidget       *grid;
};

G_DEFINE_FINAL_TYPE (EmsWorkshopTable, ems_workshop_table, EMS_TYPE_WORKSHOP_VIEW)

typedef enum
{
  STAT_MEAN,
  STAT_MEDIAN,
  STAT_LOWEST,
  STAT_HIGHEST,
  STAT_STDDEV,
  STAT_SCORED,
  N_STATS
} Stat;

static const char *stat_names[N_STATS] = {
  N_("Mean"), N_("Median"), N_("Lowest"), N_("Highest"), N_("Standard deviation"), N_("Scored"),
};

static void
add_band_class (GtkWidget *widget,
                EmsBand    band)
{
  /* Colour as well as the band word, never colour alone */
  switch (band)
    {
    case EMS_BAND_RED:
      gtk_widget_add_css_class (widget, "error");
      break;
    case EMS_BAND_AMBER:
      gtk_widget_add_css_class (widget, "warning");
      break;
    case EMS_BAND_GREEN:
      gtk_widget_add_css_class (widget, "success");
      break;
    case EMS_BAND_NONE:
    default:
      gtk_widget_add_css_class (widget, "dim-label");
      break;
    }
}

static GtkWidget *
score_cell (gboolean has_value,
            double   value,
            gboolean odd)
{
  g_autofree char *percent = ems_format_percent (has_value, value);
  g_autofree char *text = NULL;
  EmsBand band = has_value ? ems_band_from_score (value) : EMS_BAND_NONE;
  GtkWidget *label;

  if (has_value)
    /* Translators: a score and its band word on two lines, e.g. "72.5\nGreen" */
    text = g_strdup_printf (_("%s\n%s"), percent, ems_band_to_label (band));
  else
    text = g_strdup (percent);

  label = ems_workshop_cell_label (text, "cell", 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  add_band_class (label, band);
  if (odd)
    gtk_widget_add_css_class (label, "odd");

  return label;
}

static char *
stat_text (const EmsElementStats *stats,
           Stat                   stat)
{
  switch (stat)
    {
    case STAT_MEAN:
      return ems_format_percent (stats->has_stats, stats->mean);
    case STAT_MEDIAN:
      return ems_format_percent (stats->has_stats, stats->median);
    case STAT_LOWEST:
      return ems_format_percent (stats->has_stats, stats->min);
    case STAT_HIGHEST:
      return ems_format_percent (stats->has_stats, stats->max);
    case STAT_STDDEV:
      return ems_format_percent (stats->has_stats, stats->stddev);
    case STAT_SCORED:
    case N_STATS:
    default:
      /* Translators: participants with a score of all participants, e.g. "3 of 4" */
      return g_strdup_printf (_("%u of %u"), stats->n_scored, stats->n_scored + stats->n_null);
    }
}

static void
attach_header (EmsWorkshopTable *self,
               guint             n_elements,
               GString          *legend)
{
  EmsChecklist *checklist = ems_checklist_get_default ();

  gtk_grid_attach (GTK_GRID (self->grid), ems_workshop_cell_label (_("Participant"), "column-header", 0),
                   0, 0, 1, 1);
  for (guint e = 1; e <= n_elements; e++)
    {
      const EmsElement *element = ems_checklist_get_element (checklist, e);
      g_autofree char *number = g_strdup_printf ("%u", e);
      GtkWidget *header = ems_workshop_cell_label (number, "column-header", 0.5);

      if (element != NULL)
        {
          g_autofree char *full = NULL;

          ems_tooltip_set_text (header, element->title);
          /* Translators: accessible name of a table column: element number and title */
          full = g_strdup_printf (_("Element %u, %s"), e, element->title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
          if (legend->len > 0)
            g_string_append (legend, " · ");
          g_string_append_printf (legend, "%u %s", e, element->title);
        }
      gtk_grid_attach (GTK_GRID (self->grid), header, e, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (self->grid), ems_workshop_cell_label (_("Overall"), "column-header", 0.5),
                   n_elements + 1, 0, 1, 1);
}

static void
attach_participants (EmsWorkshopTable *self,
                     EmsComparison    *comparison)
{
  guint n = ems_comparison_get_n_participants (comparison);
  guint n_elements = ems_comparison_get_n_elements (comparison);

  for (guint p = 0; p < n; p++)
    {
      const EmsScores *scores = ems_comparison_get_scores (comparison, p);
      g_autofree char *label = ems_comparison_dup_label (comparison, p);
      const char *source = ems_comparison_get_source (comparison, p);
      GtkWidget *name = ems_workshop_cell_label (label, "row-header", 0);
      guint row = EMS_WORKSHOP_TABLE_FIRST_ROW + p;
      gboolean odd = p % 2;

      /* The name in full: on one line up to about 32 characters, longer
       * names wrap between words; never cut (the table scrolls sideways
       * when the window is narrow) */
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
      gtk_label_set_width_chars (GTK_LABEL (name), MIN (g_utf8_strlen (label, -1), 32));
      ems_tooltip_set_text (name, source != NULL ? source : label);
      if (odd)
        gtk_widget_add_css_class (name, "odd");
      gtk_grid_attach (GTK_GRID (self->grid), name, 0, row, 1, 1);

      for (guint e = 0; e < n_elements; e++)
        {
          gboolean has = e < scores->n_elements && scores->elements[e].has_score;

          gtk_grid_attach (GTK_GRID (self->grid),
                           score_cell (has, has ? scores->elements[e].score : 0, odd),
                           e + 1, row, 1, 1);
        }
      gtk_grid_attach (GTK_GRID (self->grid), score_cell (scores->has_overall, scores->overall, odd),
                       n_elements + 1, row, 1, 1);
    }
}

/* The group's statistics, per element and of the overall scores, as core
 * computes them */
static void
attach_statistics (EmsWorkshopTable *self,
                   EmsComparison    *comparison)
{
  guint n_elements = ems_comparison_get_n_elements (comparison);
  guint row = EMS_WORKSHOP_TABLE_FIRST_ROW + ems_comparison_get_n_participants (comparison);

  for (Stat s = 0; s < N_STATS; s++, row++)
    {
      GtkWidget *header = ems_workshop_cell_label (_(stat_names[s]), "stats-header", 0);

      if (s == 0)
        gtk_widget_add_css_class (header, "stats-first");
      gtk_grid_attach (GTK_GRID (self->grid), header, 0, row, 1, 1);

      for (guint e = 1; e <= n_elements + 1; e++)
        {
          const EmsElementStats *stats = e <= n_elements
                                         ? ems_comparison_get_element_stats (comparison, e)
                                         : ems_comparison_get_overall_stats (comparison);
          g_autofree char *text = stat_text (stats, s);
          GtkWidget *cell = ems_workshop_cell_label (text, "cell", 0.5);

          if (s == 0)
            gtk_widget_add_css_class (cell, "stats-first");
          gtk_grid_attach (GTK_GRID (self->grid), cell, e, row, 1, 1);
        }
    }
}

static void
ems_workshop_table_rebuild (EmsWorkshopView *view)
{
  EmsWorkshopTable *self = EMS_WORKSHOP_TABLE (view);
  EmsComparison *comparison = ems_workshop_view_get_comparison (view);
  g_autoptr(GString) legend = g_string_new (NULL);

  if (self->grid != NULL)
    gtk_box_remove (GTK_BOX (self->box), self->grid);
  self->grid = NULL;

  if (ems_workshop_view_get_n_participants (view) == 0)
    {
      gtk_label_set_text (self->legend, "");
      return;
    }

  self->grid = gtk_grid_new ();
  gtk_widget_add_css_class (self->grid, "workshop-table");
  gtk_widget_set_halign (self->grid, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scores of each participant per element, with statistics"),
                                  -1);

  attach_header (self, ems_comparison_get_n_elements (comparison), legend);
  attach_participants (self, comparison);
  attach_statistics (self, comparison);

  gtk_box_prepend (GTK_BOX (self->box), self->grid);
  gtk_label_set_text (self->legend, legend->str);
}

static void
ems_workshop_table_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), EMS_TYPE_WORKSHOP_TABLE);

  G_OBJECT_CLASS (ems_workshop_table_parent_class)->dispose (object);
}

static void
ems_workshop_table_class_init (EmsWorkshopTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EmsWorkshopViewClass *view_class = EMS_WORKSHOP_VIEW_CLASS (klass);

  object_class->dispose = ems_workshop_table_dispose;
  view_class->rebuild = ems_workshop_table_rebuild;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tenelements/TenElements/ems-workshop-table.ui");
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopTable, box);
  gtk_widget_class_bind_template_child (widget_class, EmsWorkshopTable, legend);
}

static void
ems_workshop_table_init (EmsWorkshopTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ems_workshop_table_get_grid (EmsWorkshopTable *self)
{
  g_return_val_if_fail (EMS_IS_WORKSHOP_TABLE (self), NULL);
  return self->grid;
}
