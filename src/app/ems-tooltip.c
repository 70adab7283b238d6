/* ems-tooltip.c: tooltips that cost nothing until they are shown
 *
 * gtk_widget_set_tooltip_text() in GTK 4.8 asks the display where the
 * pointer is each time it is called, so that a tooltip under the pointer
 * updates at once: on X11 that is three round trips to the server. Opening
 * an assessment builds sixty widgets with tooltips, none of them on screen
 * yet, and those round trips were a twentieth of the time to the first
 * frame.
 *
 * ems_tooltip_set_text() gives the same result through GtkWidget's
 * has-tooltip and query-tooltip: the text is looked up only when GTK is
 * about to show the tooltip. The accessible description is set as
 * gtk_widget_set_tooltip_text() sets it, so screen readers read the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ems-tooltip.h"

#define TOOLTIP_KEY "ems-tooltip-text"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * ems_tooltip_set_text:
 * @widget: a widget
 * @text: (nullable): the tooltip, or %NULL (or "") for none
 *
 * Like gtk_widget_set_tooltip_text(), without querying the pointer.
 */
void
ems_tooltip_set_text (GtkWidget  *widget,
                      const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY "-handler") == NULL)
    {
      if (text == NULL)
        return;
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_KEY "-handler", GINT_TO_POINTER (TRUE));
    }

  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * ems_tooltip_get_text:
 * @widget: a widget
 *
 * Returns: (nullable): the tooltip set with ems_tooltip_set_text(), or else
 *   with gtk_widget_set_tooltip_text() (in a .ui file, say)
 */
const char *
ems_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}
