/* ems-xlsx-reader-private.h: what the workbook reader's files share (not API)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ems-xlsx-reader.c opens the container and reads the workbook part,
 * ems-xlsx-xml.c reads a part within its limits and walks its XML,
 * ems-xlsx-sheet.c reads a sheet's cells.
 */
#pragma once

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "ems-error.h"
#include "ems-xlsx-reader.h"

G_BEGIN_DECLS

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

/* One part being read */
typedef struct
{
  xmlTextReaderPtr  xml;
  GBytes           *bytes;
  char             *part;
  char             *message;     /* libxml2's first error */
} Xml;

static inline void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, EMS_ERROR, EMS_ERROR_INVALID, message);
}

/* "xl/worksheets/../sharedStrings.xml" → "xl/sharedStrings.xml" */
char     *ems_xlsx_normalize_part (const char     *base_dir,
                                   const char     *target);
/* Opens @part for reading: FALSE with @error set when it is missing (only
 * when @required; otherwise FALSE without error), too large, declares a
 * document type or is not UTF-8 */
gboolean  ems_xlsx_xml_open       (EmsXlsxReader  *reader,
                                   const char     *part,
                                   gboolean        required,
                                   Xml            *x,
                                   GError        **error);
void      ems_xlsx_xml_clear      (Xml            *x);
/* The next node; 0 at the end, -1 with @error set on a parse error */
int       ems_xlsx_xml_next       (Xml            *x,
                                   GError        **error);
gboolean  ems_xlsx_xml_is_start   (Xml            *x,
                                   const char     *name);
gboolean  ems_xlsx_xml_is_end     (Xml            *x,
                                   const char     *name);
gboolean  ems_xlsx_xml_is_text    (Xml            *x);
char     *ems_xlsx_xml_attr       (Xml            *x,
                                   const char     *name);

G_END_DECLS
