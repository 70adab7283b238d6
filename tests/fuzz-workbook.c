/* fuzz-workbook.c: libFuzzer entry point for reading workbooks back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes given to ems_workbook_import() must end in an assessment or an
 * error, never a crash, a hang or unbounded memory. Built only with clang
 * (not by default):
 *
 *   CC=clang meson setup _fuzz -Db_sanitize=address,undefined -Db_lundef=false \
 *     -Dc_args=-fsanitize=fuzzer-no-link
 *   ninja -C _fuzz tests/fuzz-workbook
 *   _fuzz/tests/fuzz-workbook -max_len=200000 -rss_limit_mb=1024 CORPUS_DIR
 *
 * with a corpus of questionnaires and assessment workbooks (as exported,
 * and saved again by LibreOffice and Gnumeric).
 */

#include "config.h"

#include <stdint.h>

#include "ems-workbook-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static EmsChecklist *checklist;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmsAssessment) assessment = NULL;

  if (checklist == NULL)
    checklist = ems_checklist_get_default ();

  assessment = ems_workbook_import (checklist, bytes, NULL, &problems, &error);
  g_assert ((assessment == NULL) == (error != NULL));
  if (assessment != NULL)
    {
      g_autoptr(GBytes) json = ems_assessment_serialize (assessment);

      g_assert (g_bytes_get_size (json) > 0);
    }

  return 0;
}
