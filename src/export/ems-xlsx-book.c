/* ems-xlsx-book.c: what both workbooks share: the formats, writing text
 * and headers, finishing a sheet for reading and printing, keeping within
 * Excel's limits, and writing the file atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxlsxwriter prints its own "[WARNING] …" or "[ERROR] …" line on stderr
 * when a call breaks one of Excel's limits (a data validation's title,
 * message or list, a custom property, a sheet name). Those words are for
 * developers: every such call goes through a helper here that keeps the
 * arguments within the limits first, so the user only sees our messages.
 */

#define G_LOG_DOMAIN "ems-xlsx"
/* memfd_create () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "ems-atomic-file.h"
#include "ems-error.h"
#include "ems-scores.h"
#include "ems-xlsx-private.h"

/* Excel's limits on the texts of a data validation and of custom
 * properties, in characters */
#define VALIDATION_TITLE_MAX   32
#define VALIDATION_MESSAGE_MAX 255
#define PROPERTY_MAX           255

void
ems_xlsx_check (EmsXlsxBook *book,
                lxw_error    err,
                const char  *where)
{
  if (err != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    {
      book->error = err;
      book->error_where = where;
    }
}


/* Within Excel's limits ---------------------------------------------------- */

/* @text cut to @max characters as libxlsxwriter counts them (code points);
 * NULL stays NULL */
static char *
cut_or_null (const char *text,
             glong       max)
{
  return text != NULL ? ems_xlsx_utf8_cut (text, max) : NULL;
}

/* The length libxlsxwriter gives a list: its items and the commas */
static glong
list_length (char **list)
{
  glong length = 0;
  guint n = 0;

  for (; list != NULL && list[n] != NULL; n++)
    length += g_utf8_strlen (list[n], -1) + 1;

  return n > 0 ? length - 1 : 0;
}

gboolean
ems_xlsx_add_validation (EmsXlsxBook               *book,
                         lxw_worksheet             *sheet,
                         lxw_row_t                  first_row,
                         lxw_col_t                  first_col,
                         lxw_row_t                  last_row,
                         lxw_col_t                  last_col,
                         const lxw_data_validation *validation)
{
  lxw_data_validation dv = *validation;
  g_autofree char *input_title = cut_or_null (validation->input_title, VALIDATION_TITLE_MAX);
  g_autofree char *error_title = cut_or_null (validation->error_title, VALIDATION_TITLE_MAX);
  g_autofree char *input_message = cut_or_null (validation->input_message, VALIDATION_MESSAGE_MAX);
  g_autofree char *error_message = cut_or_null (validation->error_message, VALIDATION_MESSAGE_MAX);
  lxw_error err;

  /* A drop-down whose choices (long translations) do not fit is left
   * out: the cells still take any value */
  if (dv.validate == LXW_VALIDATION_TYPE_LIST)
    {
      glong length = list_length (dv.value_list);

      if (length == 0 || length > VALIDATION_MESSAGE_MAX)
        {
          g_debug ("a drop-down of %ld characters left out", length);
          return FALSE;
        }
    }

  dv.input_title = input_title;
  dv.error_title = error_title;
  dv.input_message = input_message;
  dv.error_message = error_message;
  err = worksheet_data_validation_range (sheet, first_row, first_col, last_row, last_col, &dv);
  if (err != LXW_NO_ERROR)
    {
      g_debug ("a data validation left out: %s", lxw_strerror (err));
      return FALSE;
    }

  return TRUE;
}

void
ems_xlsx_set_custom_string (EmsXlsxBook *book,
                            const char  *name,
                            const char  *value)
{
  g_autofree char *cut_name = ems_xlsx_utf8_cut (name, PROPERTY_MAX);
  g_autofree char *cut_value = ems_xlsx_utf8_cut (value != NULL ? value : "", PROPERTY_MAX);

  ems_xlsx_check (book, workbook_set_custom_property_string (book->workbook, cut_name, cut_value),
                  "custom property");
}

void
ems_xlsx_set_properties (EmsXlsxBook              *book,
                         const lxw_doc_properties *properties,
                         EmsChecklist             *checklist)
{
  lxw_doc_properties props = *properties;
  char **texts[] = {
    &props.title, &props.subject, &props.author, &props.manager, &props.company,
    &props.category, &props.keywords, &props.comments, &props.status,
  };
  char *clean[G_N_ELEMENTS (texts)] = { NULL };
  g_autofree char *version = NULL;

  /* An organisation's or assessor's name goes in: cleaned like a cell */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (*texts[i] != NULL)
      {
        gboolean was_cut;

        clean[i] = ems_xlsx_clean_text (*texts[i], &was_cut);
        *texts[i] = clean[i] != NULL ? clean[i] : (char *) "";
      }
  ems_xlsx_check (book, workbook_set_properties (book->workbook, &props), "properties");
  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    g_free (clean[i]);

  /* Custom properties: fixed English names, for scripts */
  ems_xlsx_check (book, workbook_set_custom_property_integer (book->workbook, "EMS format version",
                                                              EMS_FORMAT_VERSION), "custom");
  version = g_strdup_printf ("%s %u", ems_checklist_get_id (checklist), ems_checklist_get_version (checklist));
  ems_xlsx_set_custom_string (book, "EMS checklist", version);
}

/* Cells and sheets ---------------------------------------------------------- */

void
ems_xlsx_fit_row (EmsXlsxBook   *book,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  guint          lines)
{
  /* 15 points a line of 11-point text; Excel's maximum is 409 points */
  if (lines > 1)
    ems_xlsx_check (book, worksheet_set_row (sheet, row, MIN (409.0, 15.0 * lines + 1.0), NULL), "row height");
}

/* Writes assessment text as a string cell (never a formula), or a blank
 * cell with @format when there is no text. */
void
ems_xlsx_write_text (EmsXlsxBook   *book,
                     lxw_worksheet *sheet,
                     const char    *sheet_name,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     const char    *text,
                     lxw_format    *format)
{
  g_autofree char *clean = NULL;
  gboolean cut;

  clean = ems_xlsx_clean_text (text, &cut);

  if (clean == NULL)
    {
      if (format != NULL)
        ems_xlsx_check (book, worksheet_write_blank (sheet, row, col, format), "blank");
      return;
    }

  if (cut)
    {
      g_autofree char *cell = ems_xlsx_cell_name (row, col);

      g_ptr_array_add (book->warnings,
                       /* Translators: %s are a sheet name and a cell such as "I7" */
                       g_strdup_printf (_("%s, cell %s: the text was longer than a cell can hold (32,767 characters) and was cut"),
                                        sheet_name, cell));
    }

  ems_xlsx_check (book, worksheet_write_string (sheet, row, col, clean, format), "string");
}

lxw_row_t
ems_xlsx_write_method_line (EmsXlsxBook   *book,
                            lxw_worksheet *sheet,
                            const char    *sheet_name,
                            lxw_row_t      row,
                            const char    *label,
                            const char    *text,
                            double         text_width)
{
  ems_xlsx_check (book, worksheet_write_string (sheet, row, 0, label, book->f_label), "label");
  ems_xlsx_check (book, worksheet_merge_range (sheet, row, 1, row, 2, "", book->f_wrap), "merge");
  ems_xlsx_write_text (book, sheet, sheet_name, row, 1, text, book->f_wrap);
  ems_xlsx_fit_row (book, sheet, row, ems_xlsx_text_lines (text, text_width));

  return row + 1;
}

void
ems_xlsx_write_title_and_note (EmsXlsxBook   *book,
                               lxw_worksheet *sheet,
                               const char    *sheet_name,
                               const char    *title,
                               const char    *note,
                               lxw_col_t      last_col,
                               double         width)
{
  ems_xlsx_check (book, worksheet_write_string (sheet, 0, 0, title, book->f_title), "title");
  ems_xlsx_check (book, worksheet_set_row (sheet, 0, 22, NULL), "row");
  ems_xlsx_check (book, worksheet_merge_range (sheet, 1, 0, 1, last_col, "", book->f_wrap), "merge");
  ems_xlsx_write_text (book, sheet, sheet_name, 1, 0, note, book->f_wrap);
  ems_xlsx_fit_row (book, sheet, 1, ems_xlsx_text_lines (note, width));
}

lxw_worksheet *
ems_xlsx_add_sheet (EmsXlsxBook *book,
                    const char  *translated,
                    const char  *fallback,
                    char       **name)
{
  *name = ems_xlsx_legal_sheet_name (book->workbook, translated, fallback);
  return workbook_add_worksheet (book->workbook, *name);
}

char *
ems_xlsx_band_formula (const char *cell)
{
  g_autofree char *red = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_RED));
  g_autofree char *amber = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_AMBER));
  g_autofree char *green = ems_xlsx_formula_string (ems_band_to_label (EMS_BAND_GREEN));

  return g_strdup_printf ("=IF(ISNUMBER(%s),IF(%s<40,%s,IF(%s<70,%s,%s)),\"\")",
                          cell, cell, red, cell, amber, green);
}

void
ems_xlsx_band_formats (EmsXlsxBook   *book,
                       lxw_worksheet *sheet,
                       lxw_row_t      first_row,
                       lxw_col_t      first_col,
                       lxw_row_t      last_row,
                       lxw_col_t      last_col,
                       const char    *cell)
{
  g_autofree char *red = NULL;
  g_autofree char *amber = NULL;
  g_autofree char *green = NULL;
  struct { const char *formula; lxw_format *format; } bands[3];

  red = g_strdup_printf ("=AND(ISNUMBER(%s),%s<40)", cell, cell);
  amber = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=40,%s<70)", cell, cell, cell);
  green = g_strdup_printf ("=AND(ISNUMBER(%s),%s>=70)", cell, cell);
  bands[0].formula = red;
  bands[0].format = book->f_red;
  bands[1].formula = amber;
  bands[1].format = book->f_amber;
  bands[2].formula = green;
  bands[2].format = book->f_green;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      lxw_conditional_format cf = { 0 };

      cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
      cf.value_string = (char *) bands[i].formula;
      cf.format = bands[i].format;
      ems_xlsx_check (book, worksheet_conditional_format_range (sheet, first_row, first_col,
                                                                last_row, last_col, &cf),
                      "conditional format");
    }
}

gboolean
ems_xlsx_parse_date (const char   *text,
                     lxw_datetime *out)
{
  int y, m, d;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  *out = (lxw_datetime) { .year = y, .month = m, .day = d };
  return TRUE;
}

void
ems_xlsx_write_date_or_text (EmsXlsxBook   *book,
                             lxw_worksheet *sheet,
                             const char    *sheet_name,
                             lxw_row_t      row,
                             lxw_col_t      col,
                             const char    *text,
                             lxw_format    *date_format,
                             lxw_format    *text_format)
{
  lxw_datetime dt;

  if (ems_xlsx_parse_date (text, &dt))
    ems_xlsx_check (book, worksheet_write_datetime (sheet, row, col, &dt, date_format), "date");
  else
    ems_xlsx_write_text (book, sheet, sheet_name, row, col, text, text_format);
}

lxw_row_t
ems_xlsx_write_cut_texts (EmsXlsxBook   *book,
                          lxw_worksheet *sheet,
                          const char    *sheet_name,
                          lxw_row_t      row)
{
  if (book->warnings->len == 0)
    return row;

  row++;
  ems_xlsx_check (book, worksheet_write_string (sheet, row++, 0, _("Texts cut to fit"), book->f_section),
                  "section");
  for (guint i = 0; i < book->warnings->len; i++)
    ems_xlsx_write_text (book, sheet, sheet_name, row++, 1, g_ptr_array_index (book->warnings, i), NULL);

  return row;
}

void
ems_xlsx_set_columns (EmsXlsxBook    *book,
                      lxw_worksheet  *sheet,
                      const double   *widths,
                      lxw_format    **formats,
                      guint           n)
{
  for (guint c = 0; c < n; c++)
    ems_xlsx_check (book, worksheet_set_column (sheet, c, c, widths[c], formats ? formats[c] : NULL),
                    "column");
}

void
ems_xlsx_write_header_row (EmsXlsxBook    *book,
                           lxw_worksheet  *sheet,
                           lxw_row_t       row,
                           const char    **headers,
                           guint           n,
                           const double   *widths,
                           lxw_format    **formats,
                           double          height)
{
  guint lines = 1;

  for (guint c = 0; c < n; c++)
    {
      lxw_format *format = formats != NULL && formats[c] != NULL ? formats[c] : book->f_header;

      ems_xlsx_check (book, worksheet_write_string (sheet, row, c, headers[c], format), "header");
      if (widths != NULL)
        lines = MAX (lines, ems_xlsx_text_lines (headers[c], widths[c]));
    }

  if (height <= 0)
    height = MIN (409.0, 15.0 * lines + 6.0);
  ems_xlsx_check (book, worksheet_set_row (sheet, row, height, NULL), "row");
}

void
ems_xlsx_finish_sheet (EmsXlsxBook              *book,
                       lxw_worksheet            *sheet,
                       const EmsXlsxSheetLayout *layout)
{
  /* The table has a row under its header, even when empty, for the
   * filter's drop-downs */
  lxw_row_t last_row = MAX (layout->last_row, layout->header_row + 1);

  if (layout->freeze_rows > 0 || layout->freeze_cols > 0)
    worksheet_freeze_panes (sheet, layout->freeze_rows, layout->freeze_cols);
  if (layout->filter)
    ems_xlsx_check (book, worksheet_autofilter (sheet, layout->header_row, 0, last_row, layout->last_col),
                    "autofilter");
  if (layout->hide_zero)
    worksheet_hide_zero (sheet);

  /* Printed on A4, as wide as one page, as long as it takes (or
   * fit_height pages), the header on every page */
  if (layout->landscape)
    worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_fit_to_pages (sheet, 1, layout->fit_height);
  if (layout->repeat_header)
    ems_xlsx_check (book, worksheet_repeat_rows (sheet, layout->header_row, layout->header_row),
                    "repeat rows");
  if (layout->repeat_first_column)
    ems_xlsx_check (book, worksheet_repeat_columns (sheet, 0, 0), "repeat columns");
}

/* Formats and the file ----------------------------------------------------- */

static void
make_formats (EmsXlsxBook *book)
{
  lxw_workbook *wb = book->workbook;

  book->f_title = workbook_add_format (wb);
  format_set_bold (book->f_title);
  format_set_font_size (book->f_title, 16);
  format_set_font_color (book->f_title, 0x1F4E3D);

  book->f_subtitle = workbook_add_format (wb);
  format_set_italic (book->f_subtitle);
  format_set_font_color (book->f_subtitle, 0x595959);

  book->f_section = workbook_add_format (wb);
  format_set_bold (book->f_section);
  format_set_font_size (book->f_section, 12);
  format_set_font_color (book->f_section, 0x1F4E3D);

  book->f_header = workbook_add_format (wb);
  format_set_bold (book->f_header);
  format_set_font_color (book->f_header, LXW_COLOR_WHITE);
  format_set_bg_color (book->f_header, 0x2E6B57);
  format_set_text_wrap (book->f_header);
  format_set_align (book->f_header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (book->f_header, LXW_BORDER_THIN);
  format_set_border_color (book->f_header, 0xBFBFBF);

  book->f_label = workbook_add_format (wb);
  format_set_bold (book->f_label);
  format_set_align (book->f_label, LXW_ALIGN_VERTICAL_TOP);

  book->f_text = workbook_add_format (wb);
  format_set_align (book->f_text, LXW_ALIGN_LEFT);
  format_set_align (book->f_text, LXW_ALIGN_VERTICAL_TOP);

  book->f_wrap = workbook_add_format (wb);
  format_set_text_wrap (book->f_wrap);
  format_set_align (book->f_wrap, LXW_ALIGN_VERTICAL_TOP);

  book->f_center = workbook_add_format (wb);
  format_set_align (book->f_center, LXW_ALIGN_CENTER);
  format_set_align (book->f_center, LXW_ALIGN_VERTICAL_TOP);

  book->f_input = workbook_add_format (wb);
  format_set_align (book->f_input, LXW_ALIGN_CENTER);
  format_set_align (book->f_input, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (book->f_input, 0xFFF2CC);
  format_set_border (book->f_input, LXW_BORDER_HAIR);
  format_set_border_color (book->f_input, 0xBF9000);
  format_set_bold (book->f_input);

  book->f_date = workbook_add_format (wb);
  format_set_num_format (book->f_date, "yyyy-mm-dd");
  format_set_align (book->f_date, LXW_ALIGN_LEFT);
  format_set_align (book->f_date, LXW_ALIGN_VERTICAL_TOP);

  book->f_date_input = workbook_add_format (wb);
  format_set_num_format (book->f_date_input, "yyyy-mm-dd");
  format_set_align (book->f_date_input, LXW_ALIGN_CENTER);
  format_set_align (book->f_date_input, LXW_ALIGN_VERTICAL_TOP);

  book->f_score = workbook_add_format (wb);
  format_set_num_format (book->f_score, "0.0");
  format_set_align (book->f_score, LXW_ALIGN_CENTER);

  book->f_score_big = workbook_add_format (wb);
  format_set_num_format (book->f_score_big, "0.0");
  format_set_bold (book->f_score_big);
  format_set_font_size (book->f_score_big, 14);
  format_set_align (book->f_score_big, LXW_ALIGN_LEFT);

  book->f_percent = workbook_add_format (wb);
  format_set_num_format (book->f_percent, "0.0%");
  format_set_align (book->f_percent, LXW_ALIGN_CENTER);

  book->f_percent_left = workbook_add_format (wb);
  format_set_num_format (book->f_percent_left, "0.0%");
  format_set_align (book->f_percent_left, LXW_ALIGN_LEFT);

  book->f_integer = workbook_add_format (wb);
  format_set_num_format (book->f_integer, "0");
  format_set_align (book->f_integer, LXW_ALIGN_LEFT);
  format_set_align (book->f_integer, LXW_ALIGN_VERTICAL_TOP);

  book->f_flag = workbook_add_format (wb);
  format_set_bold (book->f_flag);
  format_set_font_color (book->f_flag, 0xC00000);
  format_set_align (book->f_flag, LXW_ALIGN_CENTER);

  /* Band colours, applied by conditional formats so they follow edits */
  book->f_red = workbook_add_format (wb);
  format_set_bg_color (book->f_red, 0xF4CCCC);
  format_set_font_color (book->f_red, 0x990000);

  book->f_amber = workbook_add_format (wb);
  format_set_bg_color (book->f_amber, 0xFCE8B2);
  format_set_font_color (book->f_amber, 0x7F6000);

  book->f_green = workbook_add_format (wb);
  format_set_bg_color (book->f_green, 0xD9EAD3);
  format_set_font_color (book->f_green, 0x274E13);
}


/* Where libxlsxwriter writes the package.
 *
 * workbook_close () prints "[ERROR] workbook_close(): …" on stderr when
 * it cannot open its output (lxw_packager_new), create its temporary
 * files (LXW_ERROR_CREATING_TMPFILE), or write, add to or close the zip
 * (LXW_ERROR_ZIP_*: a full disk, a quota, an I/O error). So the package
 * goes to memory, an anonymous memfd opened by name through /proc, where
 * none of these can happen short of running out of memory; its bytes then
 * reach the disk through the atomic writer, whose errors are ours and say
 * what failed. Its temporary files go first to the target's folder, which
 * the atomic writer has just proven writable (then TMPDIR, /tmp, ".").
 * Without memfd or /proc, libxlsxwriter writes the atomic writer's
 * temporary file itself, as before. */
typedef struct
{
  int   fd;       /* the memfd, or -1 */
  char *name;     /* what libxlsxwriter opens */
  char *tmpdir;
} XlsxOutput;

static void
xlsx_output_init (XlsxOutput    *out,
                  EmsAtomicFile *writer)
{
  out->tmpdir = g_path_get_dirname (ems_atomic_file_get_temp_path (writer));
  out->fd = memfd_create ("ten-elements-xlsx", MFD_CLOEXEC);
  if (out->fd >= 0)
    {
      out->name = g_strdup_printf ("/proc/self/fd/%d", out->fd);
      if (access (out->name, W_OK) == 0)
        return;
      g_clear_pointer (&out->name, g_free);
      close (out->fd);
      out->fd = -1;
    }
  out->name = g_strdup (ems_atomic_file_get_temp_path (writer));
}

static void
xlsx_output_clear (XlsxOutput *out)
{
  if (out->fd >= 0)
    close (out->fd);
  g_clear_pointer (&out->name, g_free);
  g_clear_pointer (&out->tmpdir, g_free);
}

/* The package, from memory to the atomic writer's temporary file */
static gboolean
xlsx_output_copy (XlsxOutput     *out,
                  EmsAtomicFile  *writer,
                  GError        **error)
{
  g_autofree char *buffer = NULL;
  gsize size = 64 * 1024;

  if (out->fd < 0)
    return TRUE;

  buffer = g_malloc (size);
  for (off_t offset = 0;;)
    {
      gssize n = pread (out->fd, buffer, size, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                       /* Translators: %s is the system's reason */
                       _("Could not complete the workbook: %s"), g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        return TRUE;
      if (!ems_atomic_file_write (writer, buffer, n, error))
        return FALSE;
      offset += n;
    }
}

/* Errors of the export carry EMS_ERROR_EXPORT, with the writer's message */
static void
propagate_export_error (GError **error,
                        GError  *local_error)
{
  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_EXPORT, local_error->message);
  g_error_free (local_error);
}

gboolean
ems_xlsx_write_atomic (const char        *path,
                       EmsXlsxBuildFunc   build,
                       gpointer           user_data,
                       char            ***warnings,
                       GError           **error)
{
  EmsXlsxBook book = { 0 };
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  g_autoptr(EmsAtomicFile) writer = NULL;
  XlsxOutput output = { -1, NULL, NULL };
  GError *local_error = NULL;
  locale_t c_numeric;
  locale_t base_locale;
  locale_t old_locale;
  gboolean built = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (build != NULL, FALSE);
  g_return_val_if_fail (warnings == NULL || *warnings == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = ems_atomic_file_open_path (path, NULL, &local_error);
  if (writer == NULL)
    {
      propagate_export_error (error, local_error);
      return FALSE;
    }

  /* libxlsxwriter prints doubles with the C library: in a French or
   * Spanish locale it would write "4,5" and corrupt the workbook. Switch
   * this thread's numbers to "C", keeping the messages' language. */
  base_locale = duplocale (uselocale ((locale_t) 0));
  c_numeric = base_locale != (locale_t) 0 ? newlocale (LC_NUMERIC_MASK, "C", base_locale) : (locale_t) 0;
  if (c_numeric == (locale_t) 0)
    {
      if (base_locale != (locale_t) 0)
        freelocale (base_locale);
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not start the workbook: out of memory"));
      return FALSE;
    }
  old_locale = uselocale (c_numeric);

  book.warnings = g_ptr_array_new_with_free_func (g_free);
  xlsx_output_init (&output, writer);
  options.tmpdir = output.tmpdir;
  book.workbook = workbook_new_opt (output.name, &options);
  if (book.workbook == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                   _("Could not start the workbook: out of memory"));
    }
  else
    {
      lxw_error err;

      make_formats (&book);
      built = build (&book, user_data, error);

      errno = 0;
      err = workbook_close (book.workbook);
      book.workbook = NULL;
      ems_xlsx_check (&book, err, "close");
    }

  uselocale (old_locale);
  freelocale (c_numeric);

  if (built)
    {
      if (book.error != LXW_NO_ERROR)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (path);

          /* libxlsxwriter's own words are for developers; ours say what failed */
          g_debug ("libxlsxwriter: %s: %s", book.error_where, lxw_strerror (book.error));
          if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
            g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                         /* Translators: %s is a file name */
                         _("Could not write “%s”: the disk is full"), display);
          else
            g_set_error (error, EMS_ERROR, EMS_ERROR_EXPORT,
                         /* Translators: %s is a file name */
                         _("Could not write “%s”: the workbook could not be completed"), display);
        }
      else if (!xlsx_output_copy (&output, writer, &local_error) ||
               !ems_atomic_file_commit (writer, NULL, NULL, &local_error))
        {
          propagate_export_error (error, local_error);
        }
      else
        {
          ok = TRUE;
        }
    }

  if (ok)
    {
      if (warnings != NULL)
        {
          g_ptr_array_add (book.warnings, NULL);
          *warnings = (char **) g_ptr_array_steal (book.warnings, NULL);
        }
      else
        {
          for (guint i = 0; i < book.warnings->len; i++)
            g_message ("%s: %s", path, (const char *) g_ptr_array_index (book.warnings, i));
        }
    }

  g_ptr_array_unref (book.warnings);
  xlsx_output_clear (&output);

  return ok;
}
