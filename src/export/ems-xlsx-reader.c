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
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "ems-assessment.h"
#include "ems-error.h"
#include "ems-xlsx-reader.h"

/* libgsf 1.14.50 (Debian 12) declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define XLSX_MAX_SHEETS         1000
#define XLSX_MAX_STRINGS        1000000
#define XML_OPTIONS             (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

typedef struct
{
  char     *name;
  char     *part;       /* "xl/worksheets/sheet1.xml" */
  gboolean  hidden;
} SheetInfo;

struct _EmsXlsxReader
{
  GBytes    *bytes;
  GsfInput  *input;
  GsfInfile *zip;
  GPtrArray *sheets;    /* SheetInfo* */
  GPtrArray *strings;   /* char*: the shared strings */
  gboolean   date1904;
};

struct _EmsXlsxSheet
{
  char       *name;
  GHashTable *cells;    /* row * EMS_XLSX_MAX_COLUMNS + col → EmsXlsxCell* */
  guint       n_rows;
  guint       n_columns;
};

static void
sheet_info_free (SheetInfo *info)
{
  g_free (info->name);
  g_free (info->part);
  g_free (info);
}

static void
cell_free (EmsXlsxCell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

/* Cell names ----------------------------------------------------------------- */

char *
ems_xlsx_cell_name_for (guint row,
                        guint col)
{
  char letters[8];
  int i = G_N_ELEMENTS (letters) - 1;
  guint n = col + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = 'A' + (n - 1) % 26;
      n = (n - 1) / 26;
    }

  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

gboolean
ems_xlsx_parse_cell_name (const char *name,
                          guint      *row,
                          guint      *col)
{
  guint64 c = 0, r = 0;
  const char *p = name;
  guint n_letters = 0, n_digits = 0;

  if (p == NULL)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p) && n_letters < 4; p++, n_letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (*p == '$')
    p++;
  for (; g_ascii_isdigit (*p) && n_digits < 8; p++, n_digits++)
    r = r * 10 + (*p - '0');

  if (*p != '\0' || n_letters == 0 || n_digits == 0 || c == 0 || r == 0
      || c > EMS_XLSX_MAX_COLUMNS || r > 1048576)
    return FALSE;

  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

/* Parts ---------------------------------------------------------------------- */

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID, message);
}

/* "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml" */
static char *
normalize_part (const char *base_dir,
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

typedef struct
{
  xmlTextReaderPtr  xml;
  GBytes           *bytes;
  char             *part;
  char             *message;     /* libxml2's first error */
} Xml;

static void
xml_error (void        *user_data,
           xmlErrorPtr  err)
{
  Xml *x = user_data;

  if (x->message == NULL && err != NULL && err->message != NULL)
    x->message = g_strstrip (g_strdup (err->message));
}

static void
xml_clear (Xml *x)
{
  g_clear_pointer (&x->xml, xmlFreeTextReader);
  g_clear_pointer (&x->bytes, g_bytes_unref);
  g_clear_pointer (&x->part, g_free);
  g_clear_pointer (&x->message, g_free);
}

static gboolean
xml_open (EmsXlsxReader  *reader,
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
      xml_clear (x);
      return FALSE;
    }
  if (length >= 2 && ((guchar) data[0] == 0xFE || (guchar) data[0] == 0xFF || data[0] == '\0' || data[1] == '\0'))
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” is not UTF-8 text"), part);
      xml_clear (x);
      return FALSE;
    }

  x->xml = xmlReaderForMemory (data, length, part, NULL, XML_OPTIONS);
  if (x->xml == NULL)
    {
      g_set_error (error, EMS_ERROR, EMS_ERROR_INVALID,
                   _("The workbook's part “%s” cannot be read"), part);
      xml_clear (x);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (x->xml, xml_error, x);

  return TRUE;
}

/* The next node; 0 at the end, -1 with @error set on a parse error */
static int
xml_next (Xml     *x,
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

static gboolean
is_start (Xml        *x,
          const char *name)
{
  return xmlTextReaderNodeType (x->xml) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x->xml), name) == 0;
}

static gboolean
is_end (Xml        *x,
        const char *name)
{
  return xmlTextReaderNodeType (x->xml) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (x->xml), name) == 0;
}

static char *
attr (Xml        *x,
      const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (x->xml, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
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

static gboolean
is_text_node (Xml *x)
{
  int type = xmlTextReaderNodeType (x->xml);

  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
         || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE;
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

  if (!xml_open (reader, rels_part, TRUE, &x, error))
    return NULL;

  while ((ret = xml_next (&x, error)) == 1)
    if (is_start (&x, "Relationship"))
      {
        g_autofree char *id = attr (&x, "Id");
        g_autofree char *target = attr (&x, "Target");
        g_autofree char *type = attr (&x, "Type");
        g_autofree char *mode = attr (&x, "TargetMode");

        if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
          continue;
        if (typed_target != NULL && *typed_target == NULL && type != NULL && g_str_has_suffix (type, type_suffix))
          *typed_target = normalize_part (base_dir, target);
        g_hash_table_replace (targets, g_steal_pointer (&id), normalize_part (base_dir, target));
      }

  xml_clear (&x);
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

  if (!xml_open (reader, part, FALSE, &x, &local_error))
    {
      /* No shared strings at all is fine */
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, local_error);
      return FALSE;
    }

  while ((ret = xml_next (&x, error)) == 1)
    {
      if (is_start (&x, "si"))
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
      else if (is_end (&x, "si") && text != NULL)
        g_ptr_array_add (reader->strings, g_string_free (g_steal_pointer (&text), FALSE));
      else if (is_start (&x, "rPh") && !xmlTextReaderIsEmptyElement (x.xml))
        in_rph++;
      else if (is_end (&x, "rPh") && in_rph > 0)
        in_rph--;
      else if (is_start (&x, "t") && !xmlTextReaderIsEmptyElement (x.xml))
        in_t = TRUE;
      else if (is_end (&x, "t"))
        in_t = FALSE;
      else if (in_t && in_rph == 0 && text != NULL && is_text_node (&x))
        g_string_append (text, (const char *) xmlTextReaderConstValue (x.xml));
    }

  xml_clear (&x);
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
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
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

  if (!xml_open (reader, workbook_part, TRUE, &x, error))
    return FALSE;

  while ((ret = xml_next (&x, error)) == 1)
    {
      if (is_start (&x, "workbookPr"))
        {
          g_autofree char *d1904 = attr (&x, "date1904");

          reader->date1904 = g_strcmp0 (d1904, "1") == 0 || g_strcmp0 (d1904, "true") == 0;
        }
      else if (is_start (&x, "sheet"))
        {
          g_autofree char *name = attr (&x, "name");
          g_autofree char *state = attr (&x, "state");
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
  xml_clear (&x);
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

/* Sheets ------------------------------------------------------------------ */

typedef struct
{
  guint     row, col;
  char     *type;
  GString  *value;
  gboolean  has_value;
  gboolean  in_v, in_is, in_t;
  guint     in_rph;
} CellState;

static void
store_cell (EmsXlsxReader *reader,
            EmsXlsxSheet  *sheet,
            CellState     *cs)
{
  EmsXlsxCell *cell;
  const char *t = cs->type != NULL ? cs->type : "n";
  const char *v = cs->value->str;

  if (!cs->has_value)
    return;   /* a formatted blank */

  cell = g_new0 (EmsXlsxCell, 1);
  if (g_str_equal (t, "s"))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (v, &end, 10);

      if (end != v && *end == '\0' && index < reader->strings->len)
        {
          cell->type = EMS_XLSX_CELL_STRING;
          cell->text = g_strdup (g_ptr_array_index (reader->strings, index));
        }
      else
        {
          cell->type = EMS_XLSX_CELL_ERROR;
          cell->text = g_strdup ("#REF!");
        }
    }
  else if (g_str_equal (t, "str") || g_str_equal (t, "inlineStr") || g_str_equal (t, "d"))
    {
      cell->type = EMS_XLSX_CELL_STRING;
      cell->text = g_strdup (v);
    }
  else if (g_str_equal (t, "b"))
    {
      cell->type = EMS_XLSX_CELL_BOOLEAN;
      cell->number = g_str_equal (g_strstrip (cs->value->str), "1") || g_ascii_strcasecmp (v, "true") == 0;
    }
  else if (g_str_equal (t, "e"))
    {
      cell->type = EMS_XLSX_CELL_ERROR;
      cell->text = g_strdup (v);
    }
  else
    {
      char *end = NULL;
      double number;

      g_strstrip (cs->value->str);
      number = g_ascii_strtod (cs->value->str, &end);
      if (end != cs->value->str && *end == '\0' && isfinite (number))
        {
          cell->type = EMS_XLSX_CELL_NUMBER;
          cell->number = number;
        }
      else
        {
          /* A number cell that holds no number: keep the text, the
           * importer says what it expected */
          cell->type = EMS_XLSX_CELL_STRING;
          cell->text = g_strdup (cs->value->str);
        }
    }

  g_hash_table_replace (sheet->cells, GUINT_TO_POINTER (cs->row * EMS_XLSX_MAX_COLUMNS + cs->col), cell);
  sheet->n_rows = MAX (sheet->n_rows, cs->row + 1);
  sheet->n_columns = MAX (sheet->n_columns, cs->col + 1);
}

EmsXlsxSheet *
ems_xlsx_reader_read_sheet (EmsXlsxReader  *reader,
                            guint           index,
                            guint           max_rows,
                            GError        **error)
{
  SheetInfo *info;
  g_autoptr(EmsXlsxSheet) sheet = NULL;
  CellState cs = { 0 };
  guint row = 0, next_col = 0, n_row_tags = 0, n_cells = 0;
  gboolean in_cell = FALSE, in_data = FALSE, have_row = FALSE;
  Xml x;
  int ret;

  g_return_val_if_fail (index < reader->sheets->len, NULL);
  info = g_ptr_array_index (reader->sheets, index);

  if (!xml_open (reader, info->part, TRUE, &x, error))
    return NULL;

  sheet = g_new0 (EmsXlsxSheet, 1);
  sheet->name = g_strdup (info->name);
  sheet->cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cell_free);
  cs.value = g_string_new (NULL);

  while ((ret = xml_next (&x, error)) == 1)
    {
      if (!in_data)
        {
          if (is_start (&x, "sheetData"))
            {
              if (xmlTextReaderIsEmptyElement (x.xml))
                break;
              in_data = TRUE;
            }
          continue;
        }

      if (is_end (&x, "sheetData"))
        break;

      if (is_start (&x, "row"))
        {
          g_autofree char *r = attr (&x, "r");
          guint64 number = 0;

          if (++n_row_tags > EMS_XLSX_MAX_ROW_TAGS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has more than %u rows: it is not a questionnaire or an assessment workbook of ours"),
                           info->name, EMS_XLSX_MAX_ROW_TAGS);
              ret = -1;
              break;
            }
          if (r != NULL && g_ascii_string_to_unsigned (r, 10, 1, 1048576, &number, NULL))
            row = number - 1;
          else
            row = have_row ? row + 1 : 0;
          have_row = TRUE;
          next_col = 0;

          if (max_rows > 0 && row >= max_rows)
            break;
          if (xmlTextReaderIsEmptyElement (x.xml))
            continue;
          if (row >= EMS_XLSX_MAX_ROWS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has a row %u: more rows than a questionnaire or an assessment workbook of ours can hold (%u)"),
                           info->name, row + 1, EMS_XLSX_MAX_ROWS);
              ret = -1;
              break;
            }
        }
      else if (is_start (&x, "c"))
        {
          g_autofree char *r = attr (&x, "r");
          guint cell_row, cell_col;

          if (r != NULL && ems_xlsx_parse_cell_name (r, &cell_row, &cell_col))
            {
              if (cell_row != row)
                cell_col = next_col;   /* a cell outside its row: keep the row */
            }
          else
            cell_col = next_col;
          if (cell_col >= EMS_XLSX_MAX_COLUMNS)
            continue;
          next_col = cell_col + 1;

          if (++n_cells > EMS_XLSX_MAX_CELLS)
            {
              g_set_error (error, EMS_ERROR, EMS_ERROR_TOO_LARGE,
                           _("The sheet “%s” has more than %u cells: it is not a questionnaire or an assessment workbook of ours"),
                           info->name, EMS_XLSX_MAX_CELLS);
              ret = -1;
              break;
            }

          if (xmlTextReaderIsEmptyElement (x.xml))
            continue;
          in_cell = TRUE;
          cs.row = row;
          cs.col = cell_col;
          g_clear_pointer (&cs.type, g_free);
          cs.type = attr (&x, "t");
          g_string_truncate (cs.value, 0);
          cs.has_value = FALSE;
          cs.in_v = cs.in_is = cs.in_t = FALSE;
          cs.in_rph = 0;
        }
      else if (!in_cell)
        continue;
      else if (is_end (&x, "c"))
        {
          store_cell (reader, sheet, &cs);
          in_cell = FALSE;
        }
      else if (is_start (&x, "v"))
        {
          cs.has_value = TRUE;
          cs.in_v = !xmlTextReaderIsEmptyElement (x.xml);
        }
      else if (is_end (&x, "v"))
        cs.in_v = FALSE;
      else if (is_start (&x, "is"))
        {
          cs.has_value = TRUE;
          cs.in_is = !xmlTextReaderIsEmptyElement (x.xml);
        }
      else if (is_end (&x, "is"))
        cs.in_is = FALSE;
      else if (is_start (&x, "rPh") && !xmlTextReaderIsEmptyElement (x.xml))
        cs.in_rph++;
      else if (is_end (&x, "rPh") && cs.in_rph > 0)
        cs.in_rph--;
      else if (cs.in_is && is_start (&x, "t") && !xmlTextReaderIsEmptyElement (x.xml))
        cs.in_t = TRUE;
      else if (is_end (&x, "t"))
        cs.in_t = FALSE;
      else if (is_text_node (&x) && (cs.in_v || (cs.in_is && cs.in_t && cs.in_rph == 0)))
        {
          const char *value = (const char *) xmlTextReaderConstValue (x.xml);

          g_string_append (cs.value, value);
        }
    }

  g_clear_pointer (&cs.type, g_free);
  g_string_free (cs.value, TRUE);
  xml_clear (&x);

  if (ret < 0)
    return NULL;

  return g_steal_pointer (&sheet);
}

void
ems_xlsx_sheet_free (EmsXlsxSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_clear_pointer (&sheet->cells, g_hash_table_unref);
  g_free (sheet->name);
  g_free (sheet);
}

const char *
ems_xlsx_sheet_get_name (EmsXlsxSheet *sheet)
{
  return sheet->name;
}

guint
ems_xlsx_sheet_get_n_rows (EmsXlsxSheet *sheet)
{
  return sheet->n_rows;
}

guint
ems_xlsx_sheet_get_n_columns (EmsXlsxSheet *sheet)
{
  return sheet->n_columns;
}

const EmsXlsxCell *
ems_xlsx_sheet_get_cell (EmsXlsxSheet *sheet,
                         guint         row,
                         guint         col)
{
  if (row >= sheet->n_rows || col >= sheet->n_columns)
    return NULL;
  return g_hash_table_lookup (sheet->cells, GUINT_TO_POINTER (row * EMS_XLSX_MAX_COLUMNS + col));
}

char *
ems_xlsx_sheet_cell_ref (EmsXlsxSheet *sheet,
                         guint         row,
                         guint         col)
{
  g_autofree char *cell = ems_xlsx_cell_name_for (row, col);

  return g_strdup_printf ("%s!%s", sheet->name, cell);
}
