/* ems-report-layout.c: the report's blocks laid out on pages, drawn, and
 * written as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination measures the blocks with Pango for a page size and places
 * them top to bottom, keeping headings with what follows and splitting
 * long paragraphs between lines; drawing a page replays the placements,
 * then the footer.
 */

#define G_LOG_DOMAIN "ems-report"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ems-atomic-file.h"
#include "ems-charts-private.h"
#include "ems-error.h"
#include "ems-report-private.h"

#define MARGIN      50.0  /* points */
#define FOOTER_GAP  18.0

/* Blocks kept together at most: a heading, a line under it, a table's
 * header row and its first row */
#define MAX_KEEP_CHAIN 4

void
ems_report_block_clear_layout (EmsReportBlock *block)
{
  for (guint i = 0; i < EMS_REPORT_MAX_CELLS; i++)
    g_clear_object (&block->layouts[i]);
  g_clear_pointer (&block->line_top, g_free);
  block->n_lines = 0;
  block->height = 0;
}

/* Pagination --------------------------------------------------------------- */

static PangoLayout *
make_layout (EmsReport  *self,
             const char *markup,
             double      scale,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, EMS_REPORT_BODY_SIZE * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_markup (layout, markup, -1);

  return layout;
}

static void
measure_block (EmsReport      *self,
               EmsReportBlock *block,
               double          text_width)
{
  ems_report_block_clear_layout (block);

  switch (block->kind)
    {
    case EMS_REPORT_BLOCK_TEXT:
      {
        PangoLayoutIter *iter;
        guint k = 0;

        block->layouts[0] = make_layout (self, block->markup[0], block->scale,
                                         MAX (text_width - block->indent, 20));
        block->n_lines = pango_layout_get_line_count (block->layouts[0]);
        block->line_top = g_new0 (double, block->n_lines + 1);
        iter = pango_layout_get_iter (block->layouts[0]);
        do
          {
            int y0, y1;

            pango_layout_iter_get_line_yrange (iter, &y0, &y1);
            block->line_top[k] = (double) y0 / PANGO_SCALE;
            block->line_top[k + 1] = (double) y1 / PANGO_SCALE;
            k++;
          }
        while (k < block->n_lines && pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        block->height = block->line_top[block->n_lines];
      }
      break;

    case EMS_REPORT_BLOCK_ROW:
      {
        double h = 0;

        for (guint c = 0; c < block->n_cells; c++)
          {
            double w = block->col_w[c] * text_width - 6 - (block->flag && c == block->n_cells - 1 ? EMS_REPORT_BODY_SIZE * 1.3 : 0);
            double ch;

            block->layouts[c] = make_layout (self, block->markup[c], block->scale, MAX (w, 10));
            ems_chart_layout_size (block->layouts[c], NULL, &ch);
            h = MAX (h, ch);
          }
        block->height = h + (block->rule ? 6 : 0);
      }
      break;

    case EMS_REPORT_BLOCK_CHART:
      block->height = block->chart_height;
      break;

    case EMS_REPORT_BLOCK_BREAK:
    default:
      block->height = 0;
      break;
    }
}

/* Paragraphs longer than a third of a page may be split between pages;
 * shorter ones move whole to the next page. */
static gboolean
is_long (const EmsReportBlock *block,
         double                page_text_height)
{
  return block->kind == EMS_REPORT_BLOCK_TEXT && block->n_lines >= 4 &&
         block->height > page_text_height / 3;
}

static void
place (EmsReport *self,
       guint      block,
       guint      page,
       double     y,
       guint      line_start,
       guint      line_end)
{
  EmsReportPlacement p = { block, page, y, line_start, line_end };

  g_array_append_val (self->placements, p);
}

guint
ems_report_paginate (EmsReport *self,
                     cairo_t   *cr,
                     double     page_width,
                     double     page_height)
{
  double top = MARGIN, bottom, text_width, y;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->page_width = page_width;
  self->page_height = page_height;
  bottom = page_height - MARGIN;
  text_width = page_width - 2 * MARGIN;

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  g_array_set_size (self->placements, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    measure_block (self, &g_array_index (self->blocks, EmsReportBlock, i), text_width);

  y = top;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, i);
      double before = y > top ? block->space_before : 0;
      double need = before + block->height;

      if (block->kind == EMS_REPORT_BLOCK_BREAK)
        {
          if (y > top)
            {
              page++;
              y = top;
            }
          continue;
        }

      /* Keep a heading with the start of what follows, and with what
       * that keeps (a table's header row with its first row), a few
       * blocks deep */
      for (guint j = i + 1, depth = 0;
           j < self->blocks->len && depth < MAX_KEEP_CHAIN;
           j++, depth++)
        {
          const EmsReportBlock *prev = &g_array_index (self->blocks, EmsReportBlock, j - 1);
          const EmsReportBlock *next = &g_array_index (self->blocks, EmsReportBlock, j);

          if (!prev->keep_with_next || next->kind == EMS_REPORT_BLOCK_BREAK)
            break;
          if (next->kind == EMS_REPORT_BLOCK_TEXT && next->n_lines > 0 && is_long (next, bottom - top))
            {
              need += prev->space_after + next->space_before + next->line_top[MIN (next->n_lines, 2)];
              break;
            }
          need += prev->space_after + next->space_before + next->height;
        }

      if (y + need > bottom && y > top)
        {
          gboolean split = block->kind == EMS_REPORT_BLOCK_TEXT && !block->keep_with_next &&
                           is_long (block, bottom - top) &&
                           y + before + block->line_top[2] <= bottom;

          if (!split)
            {
              page++;
              y = top;
              before = 0;
            }
        }

      /* A table running onto a new page repeats its header row there */
      if (block->kind == EMS_REPORT_BLOCK_ROW && block->repeat_header > 0 && y == top && page > 0)
        {
          const EmsReportBlock *header = &g_array_index (self->blocks, EmsReportBlock, block->repeat_header - 1);

          place (self, block->repeat_header - 1, page, y, 0, 0);
          y += header->height + header->space_after;
        }

      if (block->kind == EMS_REPORT_BLOCK_TEXT && y + before + block->height > bottom)
        {
          /* Split between lines, over as many pages as it takes */
          guint start = 0;

          y += before;
          while (start < block->n_lines)
            {
              guint end = start;

              while (end < block->n_lines &&
                     y + block->line_top[end + 1] - block->line_top[start] <= bottom)
                end++;
              /* No single line left alone at the top of the next page */
              if (end + 1 == block->n_lines && end - start > 2)
                end--;
              if (end == start)
                {
                  if (y > top)
                    {
                      page++;
                      y = top;
                      continue;
                    }
                  end = start + 1;   /* a line taller than a page */
                }
              place (self, i, page, y, start, end);
              y += block->line_top[end] - block->line_top[start];
              start = end;
              if (start < block->n_lines)
                {
                  page++;
                  y = top;
                }
            }
          y += block->space_after;
          continue;
        }

      y += before;
      place (self, i, page, y, 0, block->n_lines);
      y += block->height + block->space_after;
    }

  self->n_pages = page + 1;

  return self->n_pages;
}

guint
ems_report_get_n_pages (EmsReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_text_lines (cairo_t              *cr,
                 const EmsReportBlock *block,
                 double                x,
                 double                y,
                 guint                 start,
                 guint                 end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layouts[0]);
  guint k = 0;

  do
    {
      if (k >= start && k < end)
        {
          PangoRectangle logical;
          int baseline = pango_layout_iter_get_baseline (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - block->line_top[start]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      k++;
    }
  while (k < end && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
draw_footer (EmsReport *self,
             cairo_t   *cr,
             guint      page)
{
  double width = self->page_width - 2 * MARGIN;
  double y = self->page_height - MARGIN + FOOTER_GAP;
  /* Translators: report footer: page number of the number of pages */
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autofree char *m_number = ems_report_muted (number);
  g_autofree char *m_footer = ems_report_muted (self->footer);
  g_autoptr(PangoLayout) left = make_layout (self, m_footer, 0.8, width * 0.7);
  g_autoptr(PangoLayout) right = make_layout (self, m_number, 0.8, -1);
  double rw;

  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (left, -1);
  ems_chart_layout_size (right, &rw, NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 5);
  cairo_line_to (cr, MARGIN + width, y - 5);
  cairo_stroke (cr);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN + width - rw, y);
  pango_cairo_show_layout (cr, right);
  cairo_restore (cr);
}

void
ems_report_draw_page (EmsReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  double text_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);

  if (page >= self->n_pages)
    return;

  text_width = self->page_width - 2 * MARGIN;
  pango_cairo_update_context (cr, self->context);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0);

  for (guint i = 0; i < self->placements->len; i++)
    {
      const EmsReportPlacement *p = &g_array_index (self->placements, EmsReportPlacement, i);
      EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, p->block);

      if (p->page != page)
        continue;

      switch (block->kind)
        {
        case EMS_REPORT_BLOCK_TEXT:
          draw_text_lines (cr, block, MARGIN + block->indent, p->y, p->line_start, p->line_end);
          break;

        case EMS_REPORT_BLOCK_ROW:
          if (block->header)
            {
              cairo_save (cr);
              cairo_set_source_rgb (cr, 0.94, 0.94, 0.93);
              cairo_rectangle (cr, MARGIN, p->y - 2, text_width, block->height + 1);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          for (guint c = 0; c < block->n_cells; c++)
            {
              if (block->tint[c] == EMS_BAND_NONE)
                continue;
              cairo_save (cr);
              ems_chart_set_color_alpha (cr, &self->chart_style.band[block->tint[c]], 0.25);
              cairo_rectangle (cr, MARGIN + block->col_x[c] * text_width, p->y - 2,
                               block->col_w[c] * text_width - 1, block->height - 1);
              cairo_fill (cr);
              cairo_restore (cr);
            }
          for (guint c = 0; c < block->n_cells; c++)
            {
              double x = MARGIN + block->col_x[c] * text_width + (c > 0 ? 3 : 0);

              if (block->flag && c == block->n_cells - 1)
                {
                  ems_chart_draw_flag (cr, x, p->y + 1, EMS_REPORT_BODY_SIZE, &self->chart_style);
                  x += EMS_REPORT_BODY_SIZE * 1.3;
                }
              cairo_move_to (cr, x, p->y);
              pango_cairo_show_layout (cr, block->layouts[c]);
            }
          if (block->rule)
            {
              cairo_save (cr);
              cairo_set_source_rgb (cr, 0.8, 0.8, 0.79);
              cairo_set_line_width (cr, 0.5);
              cairo_move_to (cr, MARGIN, p->y + block->height - 2.5);
              cairo_line_to (cr, MARGIN + text_width, p->y + block->height - 2.5);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          break;

        case EMS_REPORT_BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN, p->y);
          if (block->draw != NULL)
            block->draw (cr, text_width, block->height, block->draw_data, &self->chart_style);
          else if (self->scores != NULL)
            ems_chart_draw (cr, block->chart, text_width, block->height,
                            self->checklist, self->scores, &self->chart_style);
          cairo_restore (cr);
          break;

        case EMS_REPORT_BLOCK_BREAK:
        default:
          break;
        }
    }

  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* PDF ------------------------------------------------------------------------ */

void
ems_report_get_paper_size (double *width,
                           double *height)
{
  /* A4 unless the locale's paper is US Letter (216 × 279 mm) */
  double w = 595.276, h = 841.89;

#ifdef __GLIBC__
  /* glibc's LC_PAPER: the width in millimetres, returned in the pointer */
  union { unsigned int word; char *string; } paper_width;

  paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (paper_width.word == 216)
    {
      w = 612;
      h = 792;
    }
#endif

  if (width)
    *width = w;
  if (height)
    *height = h;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/* Bookmarks for the headings on @page; level 2 under the last level 1 */
static void
add_outline (EmsReport       *self,
             cairo_surface_t *surface,
             guint            page,
             int             *parent)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      const EmsReportPlacement *p = &g_array_index (self->placements, EmsReportPlacement, i);
      const EmsReportBlock *block = &g_array_index (self->blocks, EmsReportBlock, p->block);
      g_autofree char *link = NULL;
      int id;

      if (p->page != page || block->outline_level == 0 || p->line_start != 0)
        continue;

      /* Integers: the attribute parser wants a C decimal point */
      link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) MARGIN, (int) p->y);
      id = cairo_pdf_surface_add_outline (surface,
                                          block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT : *parent,
                                          block->outline, link, 0);
      if (block->outline_level == 1)
        *parent = id;
    }
}

gboolean
ems_report_save_pdf (EmsReport   *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  int outline_parent = CAIRO_PDF_OUTLINE_ROOT;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_basename (path);
  ems_report_get_paper_size (&width, &height);

  surface = cairo_pdf_surface_create_for_stream (append_to_array, array, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->footer);
  if (self->assessor != NULL && self->assessor[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->assessor);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  date = g_date_time_format (self->when, "%Y-%m-%dT%H:%M:%S");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);

  cr = cairo_create (surface);
  n_pages = ems_report_paginate (self, cr, width, height);
  for (guint page = 0; page < n_pages; page++)
    {
      ems_report_draw_page (self, cr, page);
      add_outline (self, surface, page, &outline_parent);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   /* Translators: the first %s is a file name, the second Cairo's reason */
                   _("Could not export “%s”: %s"), name, cairo_status_to_string (status));
      return FALSE;
    }

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
  if (!ems_write_path_atomically (path, bytes, &local_error))
    {
      g_set_error_literal (error, EMS_ERROR, EMS_ERROR_EXPORT, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ems_report_write_pdf (EmsAssessment  *assessment,
                      const char     *path,
                      GDateTime      *when,
                      GError        **error)
{
  g_autoptr(EmsReport) report = NULL;

  g_return_val_if_fail (EMS_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ems_report_new (assessment, when);

  return ems_report_save_pdf (report, path, error);
}
