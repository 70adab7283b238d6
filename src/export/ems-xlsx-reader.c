/* ems-xlsx-reader.c: reading the cells of an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads files that come back from strangers, so every
 * size is bounded before it is trusted: the file (EMS_MAX_FILE_SIZE), each
 * part as the zip declares it and as it unpacks (EMS_XLSX_PART_MAX), the
 * rows, cells and shared strings. libxml2 parses with XML_PARSE_NONET and
 * without XML_PARSE_NOENT / XML_PARSE_DTDLOAD, and a part that declares a
 * document type (where entities live) is refused before parsing: no Office
 * Open XML part has one.
 */

#define G_LOG_DOMAIN "ems-xlsx-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ems-assessment.h"
#include "ems-xlsx-reader-private.h"

static void
sheet_info_free (SheetInfo *info)
{
  g_free (info->name);
  g_free (info->part);
  g_free (info);
}

/* The r:id of a <sheet>: any namespace (transitional or strict) */
static char *
relationship_id (Xml *x)
{
  char *id = NULL;

  if (xmlTextReaderMoveToFirstAttribute (x->xml) == 1)
    {
      do
        {
          const char *local = (const char *) xmlTextReaderConstLocalName (x->xml);
          const char *prefix = (const char *) xmlTextReaderConstPrefix (x->xml);

          if (g_strcmp0 (local, "id") == 0 && prefix != NULL && prefix[0] != '\0')
            {
              id = g_strdup ((const char *) xmlTextReaderConstValue (x->xml));
              break;
            }
        }
      while (xmlTextReaderMoveToNextAttribute (x->xml) == 1);
      xmlTextReaderMoveToElement (x->xml);
    }

  return id;
}

/* Relationships: Id → part, and the part of the first of @type */
static GHashTable *
read_relationships (EmsXlsxReader  *reader,
                    const char     *rels_part,
                    const char     *base_dir,
                    const char     *type_suffix,
                    char          **typed_target,
                    GError        **error)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Xml x;
  int ret;

  if (!ems_xlsx_xml_open (reader, rels_part, TRUE, &x, error))
    return NULL;

  while ((ret = ems_xlsx_xml_next (&x, error)) == 1)
    if (ems_xlsx_xml_is_start (&x, "Relationship"))
      {
        g_autofree char *id = ems_xlsx_xml_attr (&x, "Id");
        g_autofree char *target = ems_xlsx_xml_attr (&x, "Target");
        g_autofree char *type = ems_xlsx_xml_attr (&x, "Type");
        g_autofree char *mode = ems_xlsx_xml_attr (&x, "TargetMode");

        if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
          continue;
        if (typed_target != NULL && *typed_target == NULL && type != NULL && g_str_has_suffix (type, type_suffix))
          *typed_target = ems_xlsx_normalize_part (base_dir, target);
        g_hash_table_replace (targets, g_steal_pointer (&id), ems_xlsx_normalize_part (base_dir, target));
      }

  ems_xlsx_xml_clear (&x);
  return ret < 0 ? NULL : g_steal_pointer (&targets);
}

static gboolean
read_shared_strings (EmsXlsxReader  *reader,
                     const char     *part,
                     GError        **error)
{
  g_autoptr(GString) text = NULL;
  gboolean in_t = FALSE;
  guint in_rph = 0;
  Xml x;
  int ret;

  GError *local_error = NULL;

  if (!ems_xlsx_xml_open (reader, part, FALSE, &x, &local_error))
    {
      /* No shared strings at all is fine */
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  while ((ret = ems_xlsx_xml_next (&x, error)) == 1)
    {
      if (ems_xlsx_xml_is_start (&x, "si"))
        {
          if (reader->strings->len >= XLSX_MAX_STRINGS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The workbook holds more than %u different texts: it is not one of ours"),
                           XLSX_MAX_STRINGS);
              ret = -1;
              break;
            }
          if (xmlTextReaderIsEmptyElement (x.xml))
            g_ptr_array_add (reader->strings, g_strdup (""));
          else
            text = g_string_new (NULL);
        }
      else if (ems_xlsx_xml_is_end (&x, "si") && text != NULL)
        g_ptr_array_add (reader->strings, g_string_free (g_steal_pointer (&text), FALSE));
      else if (ems_xlsx_xml_is_start (&x, "rPh") && !xmlTextReaderIsEmptyElement (x.xml))
        in_rph++;
      else if (ems_xlsx_xml_is_end (&x, "rPh") && in_rph > 0)
        in_rph--;
      else if (ems_xlsx_xml_is_start (&x, "t") && !xmlTextReaderIsEmptyElement (x.xml))
        in_t = TRUE;
      else if (ems_xlsx_xml_is_end (&x, "t"))
        in_t = FALSE;
      else if (in_t && in_rph == 0 && text != NULL && ems_xlsx_xml_is_text (&x))
        g_string_append (text, (const char *) xmlTextReaderConstValue (x.xml));
    }

  ems_xlsx_xml_clear (&x);
  return ret == 0;
}

static gboolean
read_workbook (EmsXlsxReader  *reader,
               GError        **error)
{
  g_autofree char *workbook_part = NULL;
  g_autofree char *strings_part = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *rels_part = NULL;
  g_autoptr(GHashTable) root = NULL;
  g_autoptr(GHashTable) targets = NULL;
  Xml x;
  int ret;

  root = read_relationships (reader, "_rels/.rels", "", "/officeDocument", &workbook_part, error);
  if (root == NULL)
    return FALSE;
  if (workbook_part == NULL)
    {
      set_invalid (error, _("This is not a spreadsheet workbook: the file names no workbook part"));
      return FALSE;
    }

  base_dir = g_path_get_dirname (workbook_part);
  if (g_str_equal (base_dir, "."))
    {
      g_free (base_dir);
      base_dir = g_strdup ("");
    }
  {
    g_autofree char *name = g_path_get_basename (workbook_part);

    rels_part = base_dir[0] != '\0' ? g_strdup_printf ("%s/_rels/%s.rels", base_dir, name)
                                    : g_strdup_printf ("_rels/%s.rels", name);
  }
  targets = read_relationships (reader, rels_part, base_dir, "/sharedStrings", &strings_part, error);
  if (targets == NULL)
    return FALSE;

  if (!ems_xlsx_xml_open (reader, workbook_part, TRUE, &x, error))
    return FALSE;

  while ((ret = ems_xlsx_xml_next (&x, error)) == 1)
    {
      if (ems_xlsx_xml_is_start (&x, "workbookPr"))
        {
          g_autofree char *d1904 = ems_xlsx_xml_attr (&x, "date1904");

          reader->date1904 = g_strcmp0 (d1904, "1") == 0 || g_strcmp0 (d1904, "true") == 0;
        }
      else if (ems_xlsx_xml_is_start (&x, "sheet"))
        {
          g_autofree char *name = ems_xlsx_xml_attr (&x, "name");
          g_autofree char *state = ems_xlsx_xml_attr (&x, "state");
          g_autofree char *id = relationship_id (&x);
          const char *part = id != NULL ? g_hash_table_lookup (targets, id) : NULL;
          SheetInfo *info;

          if (name == NULL || part == NULL)
            continue;   /* a chart sheet or a broken entry: not ours to read */
          if (reader->sheets->len >= XLSX_MAX_SHEETS)
            break;
          info = g_new0 (SheetInfo, 1);
          info->name = g_steal_pointer (&name);
          info->part = g_strdup (part);
          info->hidden = state != NULL && !g_str_equal (state, "visible");
          g_ptr_array_add (reader->sheets, info);
        }
    }
  ems_xlsx_xml_clear (&x);
  if (ret < 0)
    return FALSE;

  if (reader->sheets->len == 0)
    {
      set_invalid (error, _("The workbook has no worksheet"));
      return FALSE;
    }

  if (strings_part != NULL)
    return read_shared_strings (reader, strings_part, error);

  return TRUE;
}

/* Containers that are not .xlsx ------------------------------------------ */

static const guint8 OLE_MAGIC[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static void
explain_ole (GBytes  *bytes,
             GError **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE);
  g_autoptr(GsfInfile) ole = gsf_infile_msole_new (input, NULL);
  g_autoptr(GsfInput) encrypted = NULL;
  g_autoptr(GsfInput) book = NULL;

  if (ole != NULL)
    {
      encrypted = gsf_infile_child_by_name (ole, "EncryptedPackage");
      if (encrypted == NULL)
        encrypted = gsf_infile_child_by_name (ole, "EncryptionInfo");
      book = gsf_infile_child_by_name (ole, "Workbook");
      if (book == NULL)
        book = gsf_infile_child_by_name (ole, "Book");
    }

  if (encrypted != NULL)
    set_invalid (error, _("The workbook is encrypted (it needs a password to open): open it in your spreadsheet program and save it again without a password"));
  else if (book != NULL)
    set_invalid (error, _("This is an old Excel workbook (.xls), not an .xlsx workbook: open it in your spreadsheet program and save it as .xlsx"));
  else
    set_invalid (error, _("This is an old Microsoft Office file, not an .xlsx workbook"));
}

EmsXlsxReader *
ems_xlsx_reader_new (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(EmsXlsxReader) reader = NULL;
  g_autoptr(GError) zip_error = NULL;
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > EMS_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (EMS_MAX_FILE_SIZE);

      g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                   _("The file is too large to be an assessment (%s; the limit is %s)"), size, max);
      return NULL;
    }
  if (length >= sizeof OLE_MAGIC && memcmp (data, OLE_MAGIC, sizeof OLE_MAGIC) == 0)
    {
      explain_ole (bytes, error);
      return NULL;
    }
  if (length < 4 || memcmp (data, "PK\003\004", 4) != 0)
    {
      set_invalid (error, _("This is not an .xlsx workbook: it is not a zip container (a text file, or another kind of file, renamed?)"));
      return NULL;
    }

  LIBXML_TEST_VERSION;

  reader = g_new0 (EmsXlsxReader, 1);
  reader->bytes = g_bytes_ref (bytes);
  reader->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_info_free);
  reader->strings = g_ptr_array_new_with_free_func (g_free);
  reader->input = gsf_input_memory_new (data, length, FALSE);
  reader->zip = gsf_infile_zip_new (reader->input, &zip_error);
  if (reader->zip == NULL)
    {
      set_invalid (error, _("The workbook is damaged: its zip container cannot be read"));
      return NULL;
    }

  {
    g_autoptr(GsfInput) mimetype = gsf_infile_child_by_name (reader->zip, "mimetype");

    if (mimetype != NULL)
      {
        set_invalid (error, _("This is an OpenDocument file (.ods), not an .xlsx workbook: save it as .xlsx"));
        return NULL;
      }
  }

  if (!read_workbook (reader, error))
    return NULL;

  return g_steal_pointer (&reader);
}

void
ems_xlsx_reader_free (EmsXlsxReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_object (&reader->zip);
  g_clear_object (&reader->input);
  g_clear_pointer (&reader->sheets, g_ptr_array_unref);
  g_clear_pointer (&reader->strings, g_ptr_array_unref);
  g_clear_pointer (&reader->bytes, g_bytes_unref);
  g_free (reader);
}

guint
ems_xlsx_reader_get_n_sheets (EmsXlsxReader *reader)
{
  return reader->sheets->len;
}

const char *
ems_xlsx_reader_get_sheet_name (EmsXlsxReader *reader,
                                guint          index)
{
  g_return_val_if_fail (index < reader->sheets->len, NULL);
  return ((SheetInfo *) g_ptr_array_index (reader->sheets, index))->name;
}

gboolean
ems_xlsx_reader_sheet_is_hidden (EmsXlsxReader *reader,
                                 guint          index)
{
  g_return_val_if_fail (index < reader->sheets->len, FALSE);
  return ((SheetInfo *) g_ptr_array_index (reader->sheets, index))->hidden;
}

int
ems_xlsx_reader_find_sheet (EmsXlsxReader *reader,
                            const char    *name)
{
  for (guint i = 0; name != NULL && i < reader->sheets->len; i++)
    if (g_str_equal (((SheetInfo *) g_ptr_array_index (reader->sheets, i))->name, name))
      return i;
  return -1;
}

gboolean
ems_xlsx_reader_get_date1904 (EmsXlsxReader *reader)
{
  return reader->date1904;
}
