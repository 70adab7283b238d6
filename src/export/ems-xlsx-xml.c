/* ems-xlsx-xml.c: one part of a workbook, read within its limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A part is unpacked only when its declared size is within
 * EMS_XLSX_PART_MAX (GsfInfileZip never inflates past the declared size),
 * refused when it declares a document type or entities or is not UTF-8,
 * and parsed by libxml2's streaming reader with XML_PARSE_NONET and
 * without entity substitution or DTD loading.
 */

#define G_LOG_DOMAIN "ems-xlsx-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-xlsx-reader-private.h"

/* Parts ---------------------------------------------------------------------- */


/* "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml" */
char *
ems_xlsx_normalize_part (const char *base_dir,
                         const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (base_dir[0] != '\0')
    joined = g_strconcat (base_dir, "/", target, NULL);
  else
    joined = g_strdup (target);

  pieces = g_strsplit (joined, "/", -1);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      if (pieces[i][0] == '\0' || g_str_equal (pieces[i], "."))
        continue;
      if (g_str_equal (pieces[i], ".."))
        {
          if (parts->len > 0)
            g_ptr_array_remove_index (parts, parts->len - 1);
          continue;
        }
      g_ptr_array_add (parts, pieces[i]);
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv ("/", (char **) parts->pdata);
}

static GsfInput *
find_part (EmsXlsxReader *reader,
           const char    *part)
{
  g_auto(GStrv) names = g_strsplit (part, "/", -1);

  return gsf_infile_child_by_aname (reader->zip, (const char **) names);
}

/* The bytes of @part, NUL-terminated; NULL with @error set when it is
 * missing (only when @required), too large or damaged */
static GBytes *
read_part (EmsXlsxReader  *reader,
           const char     *part,
           gboolean        required,
           GError        **error)
{
  g_autoptr(GsfInput) input = find_part (reader, part);
  gsf_off_t size;
  guint8 *data;

  if (input == NULL)
    {
      if (required)
        g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                     /* Translators: %s names a part inside the workbook's zip container */
                     _("The workbook is incomplete: its part “%s” is missing"), part);
      return NULL;
    }

  size = gsf_input_size (input);
  if (size < 0 || size > EMS_XLSX_PART_MAX)
    {
      g_autofree char *declared = g_format_size (MAX (size, 0));
      g_autofree char *max = g_format_size (EMS_XLSX_PART_MAX);

      g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   /* Translators: %s: a part of the workbook, its size and the limit ("33.6 MB") */
                   _("The workbook's part “%s” would unpack to %s, more than the %s a workbook of ours can need: it is refused unread"),
                   part, declared, max);
      return NULL;
    }

  /* GsfInfileZip never inflates past the declared size: what is read is
   * bounded by the check above, whatever the data really holds */
  data = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, data) == NULL)
    {
      g_free (data);
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook is damaged: its part “%s” cannot be unpacked"), part);
      return NULL;
    }
  data[size] = '\0';

  return g_bytes_new_take (data, size);
}


static void
xml_error (void        *user_data,
           xmlErrorPtr  err)
{
  Xml *x = user_data;

  if (x->message == NULL && err != NULL && err->message != NULL)
    x->message = g_strstrip (g_strdup (err->message));
}

void
ems_xlsx_xml_clear (Xml *x)
{
  g_clear_pointer (&x->xml, xmlFreeTextReader);
  g_clear_pointer (&x->bytes, g_bytes_unref);
  g_clear_pointer (&x->part, g_free);
  g_clear_pointer (&x->message, g_free);
}

gboolean
ems_xlsx_xml_open (EmsXlsxReader  *reader,
                   const char     *part,
                   gboolean        required,
                   Xml            *x,
                   GError        **error)
{
  const char *data;
  gsize length;

  memset (x, 0, sizeof *x);
  x->bytes = read_part (reader, part, required, error);
  if (x->bytes == NULL)
    return FALSE;
  x->part = g_strdup (part);
  data = g_bytes_get_data (x->bytes, &length);

  /* Entities live in a document type declaration, which Office Open XML
   * never uses: a part with one is hostile or not ours. Only UTF-8. */
  if (g_strstr_len (data, length, "<!DOCTYPE") != NULL || g_strstr_len (data, length, "<!ENTITY") != NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” declares a document type or entities, which no spreadsheet writes: it is refused unread"),
                   part);
      ems_xlsx_xml_clear (x);
      return FALSE;
    }
  if (length >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF || data[0] == '\0' || data[1] == '\0'))
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” is not UTF-8 text"), part);
      ems_xlsx_xml_clear (x);
      return FALSE;
    }

  x->xml = xmlReaderForMemory (data, length, part, NULL, XML_OPTIONS);
  if (x->xml == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” cannot be read"), part);
      ems_xlsx_xml_clear (x);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (x->xml, xml_error, x);

  return TRUE;
}

/* The next node; 0 at the end, -1 with @error set on a parse error */
int
ems_xlsx_xml_next (Xml     *x,
                   GError **error)
{
  int ret = xmlTextReaderRead (x->xml);

  if (ret == 1 && xmlTextReaderNodeType (x->xml) == XML_READER_TYPE_DOCUMENT_TYPE)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” declares a document type or entities, which no spreadsheet writes: it is refused unread"),
                   x->part);
      return -1;
    }
  if (ret < 0)
    g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                 /* Translators: %s: a part of the workbook, then libxml2's message (English) */
                 _("The workbook is damaged: its part “%s” is not well-formed XML (%s)"),
                 x->part, x->message != NULL ? x->message : "?");
  return ret;
}

gboolean
ems_xlsx_xml_is_start (Xml        *x,
                       const char *name)
{
  return xmlTextReaderNodeType (x->xml) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x->xml), name) == 0;
}

gboolean
ems_xlsx_xml_is_end (Xml        *x,
                     const char *name)
{
  return xmlTextReaderNodeType (x->xml) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x->xml), name) == 0;
}

char *
ems_xlsx_xml_attr (Xml        *x,
                   const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (x->xml, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}


gboolean
ems_xlsx_xml_is_text (Xml *x)
{
  int type = xmlTextReaderNodeType (x->xml);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
         || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE;
}
