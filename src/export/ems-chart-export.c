/* ems-chart-export.c: one chart of an assessment as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is rendered in memory, then written through a temporary file
 * beside the target and renamed over it, so a failure never leaves a
 * partial file.
 */

#define G_LOG_DOMAIN "ems-charts"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "ems-chart-export.h"
#include "ems-atomic-file.h"
#include "ems-error.h"

gboolean
ems_chart_format_from_path (const char     *path,
                            EmsChartFormat *format)
{
  static const struct {
    const char     *ext;
    EmsChartFormat  format;
  } table[] = {
    { ".png", EMS_CHART_FORMAT_PNG },
    { ".svg", EMS_CHART_FORMAT_SVG },
    { ".pdf", EMS_CHART_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_has_suffix (lower, table[i].ext))
      {
        if (format)
          *format = table[i].format;
        return TRUE;
      }

  return FALSE;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

GBytes *
ems_chart_render (EmsChecklist        *checklist,
                  const EmsScores     *scores,
                  EmsChartKind         kind,
                  EmsChartFormat       format,
                  double               width,
                  double               height,
                  double               scale,
                  const EmsChartStyle *style,
                  GError             **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (EMS_IS_CHECKLIST (checklist), NULL);
  g_return_val_if_fail (scores != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (width <= 0 || height <= 0)
    ems_chart_get_default_size (kind, &width, &height);
  if (!(scale >= 1 && scale <= 4))
    scale = 1;

  switch (format)
    {
    case EMS_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    case EMS_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, array, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case EMS_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  cr = cairo_create (surface);
  if (format == EMS_CHART_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  ems_chart_draw (cr, kind, width, height, checklist, scores, style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == EMS_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, array);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: %s is Cairo's description of the failure */
                   _("The chart could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

gboolean
ems_chart_export (EmsAssessment  *assessment,
                  EmsChartKind    kind,
                  const char     *path,
                  double          scale,
                  GError        **error)
{
  g_autoptr(EmsScores) scores = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  EmsChartFormat format;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);

  if ((guint) kind >= EMS_CHART_N_KINDS)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: %s is a file name */
                   _("Could not export “%s”: unknown chart"), name);
      return FALSE;
    }

  if (!ems_chart_format_from_path (path, &format))
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: %s is a file name */
                   _("Could not export “%s”: the name must end in .png, .svg or .pdf"), name);
      return FALSE;
    }

  scores = ems_scores_compute (assessment);
  bytes = ems_chart_render (ems_assessment_get_checklist (assessment), scores, kind, format,
                            0, 0, scale, ems_chart_style_light (), &local_error);

  if (bytes == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("Could not export “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (!ems_write_path_atomically (path, bytes, &local_error))
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_EXPORT, local_error->message);
      return FALSE;
    }

  return TRUE;
}
